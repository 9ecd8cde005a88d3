# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cohort_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_CohortDialog(object):
    def setupUi(self, CohortDialog):
        if not CohortDialog.objectName():
            CohortDialog.setObjectName(u"CohortDialog")
        CohortDialog.resize(520, 470)
        self.mainLayout = QVBoxLayout(CohortDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.numberLabel = QLabel(CohortDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberSpin = QSpinBox(CohortDialog)
        self.numberSpin.setObjectName(u"numberSpin")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.numberSpin.sizePolicy().hasHeightForWidth())
        self.numberSpin.setSizePolicy(sizePolicy)
        self.numberSpin.setMinimumSize(QSize(110, 0))
        self.numberSpin.setMinimum(1)
        self.numberSpin.setMaximum(999)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberSpin)

        self.nameLabel = QLabel(CohortDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(CohortDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.startLabel = QLabel(CohortDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QDateEdit(CohortDialog)
        self.startEdit.setObjectName(u"startEdit")
        sizePolicy.setHeightForWidth(self.startEdit.sizePolicy().hasHeightForWidth())
        self.startEdit.setSizePolicy(sizePolicy)
        self.startEdit.setMinimumSize(QSize(140, 0))
        self.startEdit.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(CohortDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endEdit = QDateEdit(CohortDialog)
        self.endEdit.setObjectName(u"endEdit")
        sizePolicy.setHeightForWidth(self.endEdit.sizePolicy().hasHeightForWidth())
        self.endEdit.setSizePolicy(sizePolicy)
        self.endEdit.setMinimumSize(QSize(140, 0))
        self.endEdit.setCalendarPopup(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.endEdit)

        self.launchLabel = QLabel(CohortDialog)
        self.launchLabel.setObjectName(u"launchLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.launchLabel)

        self.launchRow = QHBoxLayout()
        self.launchRow.setObjectName(u"launchRow")
        self.launchCheck = QCheckBox(CohortDialog)
        self.launchCheck.setObjectName(u"launchCheck")

        self.launchRow.addWidget(self.launchCheck)

        self.launchEdit = QDateEdit(CohortDialog)
        self.launchEdit.setObjectName(u"launchEdit")
        self.launchEdit.setEnabled(False)
        self.launchEdit.setMinimumSize(QSize(140, 0))
        self.launchEdit.setCalendarPopup(True)

        self.launchRow.addWidget(self.launchEdit)

        self.launchSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.launchRow.addItem(self.launchSpacer)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.launchRow)

        self.quotaLabel = QLabel(CohortDialog)
        self.quotaLabel.setObjectName(u"quotaLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.quotaLabel)

        self.quotaSpin = QSpinBox(CohortDialog)
        self.quotaSpin.setObjectName(u"quotaSpin")
        sizePolicy.setHeightForWidth(self.quotaSpin.sizePolicy().hasHeightForWidth())
        self.quotaSpin.setSizePolicy(sizePolicy)
        self.quotaSpin.setMinimumSize(QSize(140, 0))
        self.quotaSpin.setMinimum(0)
        self.quotaSpin.setMaximum(10000)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.quotaSpin)

        self.statusLabel = QLabel(CohortDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(CohortDialog)
        self.statusCombo.setObjectName(u"statusCombo")
        sizePolicy.setHeightForWidth(self.statusCombo.sizePolicy().hasHeightForWidth())
        self.statusCombo.setSizePolicy(sizePolicy)
        self.statusCombo.setMinimumSize(QSize(140, 0))

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.notesLabel = QLabel(CohortDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(CohortDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.form)

        self.hintLabel = QLabel(CohortDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(CohortDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CohortDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.numberSpin)
        self.nameLabel.setBuddy(self.nameEdit)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.launchLabel.setBuddy(self.launchCheck)
        self.quotaLabel.setBuddy(self.quotaSpin)
        self.statusLabel.setBuddy(self.statusCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.numberSpin, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.launchCheck)
        QWidget.setTabOrder(self.launchCheck, self.launchEdit)
        QWidget.setTabOrder(self.launchEdit, self.quotaSpin)
        QWidget.setTabOrder(self.quotaSpin, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.notesEdit)

        self.retranslateUi(CohortDialog)
        self.launchCheck.toggled.connect(self.launchEdit.setEnabled)

        QMetaObject.connectSlotsByName(CohortDialog)
    # setupUi

    def retranslateUi(self, CohortDialog):
        CohortDialog.setWindowTitle(QCoreApplication.translate("CohortDialog", u"\uae30\uc218", None))
        self.numberLabel.setText(QCoreApplication.translate("CohortDialog", u"\uae30\uc218", None))
        self.numberSpin.setPrefix(QCoreApplication.translate("CohortDialog", u"\uc81c", None))
        self.numberSpin.setSuffix(QCoreApplication.translate("CohortDialog", u"\uae30", None))
        self.nameLabel.setText(QCoreApplication.translate("CohortDialog", u"\uae30\uc218 \uc774\ub984", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("CohortDialog", u"\uc608: \uc81c7\uae30 \uace0\uac1d\uc11c\ube44\uc2a4 \uc2dc\ubbfc\ucc38\uc5ec\ub2e8", None))
        self.startLabel.setText(QCoreApplication.translate("CohortDialog", u"\ud65c\ub3d9 \uc2dc\uc791\uc77c", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("CohortDialog", u"yyyy-MM-dd", None))
        self.endLabel.setText(QCoreApplication.translate("CohortDialog", u"\ud65c\ub3d9 \uc885\ub8cc\uc77c", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("CohortDialog", u"yyyy-MM-dd", None))
        self.launchLabel.setText(QCoreApplication.translate("CohortDialog", u"\ubc1c\ub300\uc2dd \ub0a0\uc9dc", None))
        self.launchCheck.setText(QCoreApplication.translate("CohortDialog", u"\uc815\ud568", None))
#if QT_CONFIG(accessibility)
        self.launchEdit.setAccessibleName(QCoreApplication.translate("CohortDialog", u"\ubc1c\ub300\uc2dd \ub0a0\uc9dc", None))
#endif // QT_CONFIG(accessibility)
        self.launchEdit.setDisplayFormat(QCoreApplication.translate("CohortDialog", u"yyyy-MM-dd", None))
        self.quotaLabel.setText(QCoreApplication.translate("CohortDialog", u"\uc815\uc6d0", None))
#if QT_CONFIG(tooltip)
        self.quotaSpin.setToolTip(QCoreApplication.translate("CohortDialog", u"0\uc73c\ub85c \ub450\uba74 \uc815\uc6d0\uc744 \uc815\ud558\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4", None))
#endif // QT_CONFIG(tooltip)
        self.quotaSpin.setSpecialValueText(QCoreApplication.translate("CohortDialog", u"\uc815\ud558\uc9c0 \uc54a\uc74c", None))
        self.quotaSpin.setSuffix(QCoreApplication.translate("CohortDialog", u" \uba85", None))
        self.statusLabel.setText(QCoreApplication.translate("CohortDialog", u"\uc0c1\ud0dc", None))
        self.notesLabel.setText(QCoreApplication.translate("CohortDialog", u"\uba54\ubaa8", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("CohortDialog", u"\ubaa8\uc9d1 \ubc29\ubc95, \uc6b4\uc601 \ubc29\uce68 \ub4f1", None))
        self.hintLabel.setProperty(u"tone", QCoreApplication.translate("CohortDialog", u"hint", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("CohortDialog", u"error", None))
    # retranslateUi

