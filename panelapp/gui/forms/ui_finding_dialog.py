# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'finding_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_FindingDialog(object):
    def setupUi(self, FindingDialog):
        if not FindingDialog.objectName():
            FindingDialog.setObjectName(u"FindingDialog")
        FindingDialog.resize(640, 640)
        FindingDialog.setAcceptDrops(True)
        self.mainLayout = QVBoxLayout(FindingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.inspectionLabel = QLabel(FindingDialog)
        self.inspectionLabel.setObjectName(u"inspectionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.inspectionLabel)

        self.inspectionCombo = QComboBox(FindingDialog)
        self.inspectionCombo.setObjectName(u"inspectionCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.inspectionCombo)

        self.titleLabel = QLabel(FindingDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(FindingDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.categoryLabel = QLabel(FindingDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(FindingDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.severityLabel = QLabel(FindingDialog)
        self.severityLabel.setObjectName(u"severityLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.severityLabel)

        self.severityCombo = QComboBox(FindingDialog)
        self.severityCombo.setObjectName(u"severityCombo")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.severityCombo)

        self.locationLabel = QLabel(FindingDialog)
        self.locationLabel.setObjectName(u"locationLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(FindingDialog)
        self.locationEdit.setObjectName(u"locationEdit")
        self.locationEdit.setMaxLength(200)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.observedLabel = QLabel(FindingDialog)
        self.observedLabel.setObjectName(u"observedLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.observedLabel)

        self.observedEdit = QDateEdit(FindingDialog)
        self.observedEdit.setObjectName(u"observedEdit")
        self.observedEdit.setCalendarPopup(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.observedEdit)

        self.descriptionLabel = QLabel(FindingDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(FindingDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaximumSize(QSize(16777215, 110))
        self.descriptionEdit.setTabChangesFocus(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.mainLayout.addLayout(self.form)

        self.photoGroup = QGroupBox(FindingDialog)
        self.photoGroup.setObjectName(u"photoGroup")
        self.photoLayout = QVBoxLayout(self.photoGroup)
        self.photoLayout.setObjectName(u"photoLayout")
        self.photoHost = QWidget(self.photoGroup)
        self.photoHost.setObjectName(u"photoHost")

        self.photoLayout.addWidget(self.photoHost)

        self.dropHint = QLabel(self.photoGroup)
        self.dropHint.setObjectName(u"dropHint")
        self.dropHint.setWordWrap(True)

        self.photoLayout.addWidget(self.dropHint)

        self.photoButtons = QHBoxLayout()
        self.photoButtons.setObjectName(u"photoButtons")
        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photoButtons.addItem(self.photoSpacer)

        self.addPhotoButton = QPushButton(self.photoGroup)
        self.addPhotoButton.setObjectName(u"addPhotoButton")
        self.addPhotoButton.setAutoDefault(False)

        self.photoButtons.addWidget(self.addPhotoButton)

        self.removePhotoButton = QPushButton(self.photoGroup)
        self.removePhotoButton.setObjectName(u"removePhotoButton")
        self.removePhotoButton.setAutoDefault(False)

        self.photoButtons.addWidget(self.removePhotoButton)


        self.photoLayout.addLayout(self.photoButtons)


        self.mainLayout.addWidget(self.photoGroup)

        self.errorLabel = QLabel(FindingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FindingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.inspectionLabel.setBuddy(self.inspectionCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.severityLabel.setBuddy(self.severityCombo)
        self.locationLabel.setBuddy(self.locationEdit)
        self.observedLabel.setBuddy(self.observedEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.inspectionCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.severityCombo)
        QWidget.setTabOrder(self.severityCombo, self.locationEdit)
        QWidget.setTabOrder(self.locationEdit, self.observedEdit)
        QWidget.setTabOrder(self.observedEdit, self.descriptionEdit)

        self.retranslateUi(FindingDialog)

        QMetaObject.connectSlotsByName(FindingDialog)
    # setupUi

    def retranslateUi(self, FindingDialog):
        FindingDialog.setWindowTitle(QCoreApplication.translate("FindingDialog", u"\ubc1c\uacac\uc0ac\ud56d", None))
        self.inspectionLabel.setText(QCoreApplication.translate("FindingDialog", u"\uc810\uac80 *", None))
        self.titleLabel.setText(QCoreApplication.translate("FindingDialog", u"\uc81c\ubaa9 *", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("FindingDialog", u"\uc608: 2\uce35 \uacc4\ub2e8 \ubbf8\ub044\ub7fc \ubc29\uc9c0 \ud328\ub4dc \ud6fc\uc190", None))
        self.categoryLabel.setText(QCoreApplication.translate("FindingDialog", u"\ubd84\ub958 *", None))
        self.severityLabel.setText(QCoreApplication.translate("FindingDialog", u"\uc2ec\uac01\ub3c4 *", None))
        self.locationLabel.setText(QCoreApplication.translate("FindingDialog", u"\uc704\uce58", None))
        self.locationEdit.setPlaceholderText(QCoreApplication.translate("FindingDialog", u"\uc608: \ubcf8\uad00 2\uce35 \ub3d9\ucabd \uacc4\ub2e8", None))
        self.observedLabel.setText(QCoreApplication.translate("FindingDialog", u"\ubc1c\uacac\uc77c", None))
        self.descriptionLabel.setText(QCoreApplication.translate("FindingDialog", u"\ub0b4\uc6a9", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("FindingDialog", u"\ubb34\uc5c7\uc744 \ubcf4\uc558\ub294\uc9c0, \ub204\uac00 \ubd88\ud3b8\uc744 \uacaa\ub294\uc9c0 \uc801\uc5b4 \uc8fc\uc138\uc694", None))
        self.photoGroup.setTitle(QCoreApplication.translate("FindingDialog", u"\uc0ac\uc9c4", None))
        self.dropHint.setProperty(u"tone", QCoreApplication.translate("FindingDialog", u"hint", None))
        self.dropHint.setText(QCoreApplication.translate("FindingDialog", u"\uc0ac\uc9c4 \ud30c\uc77c\uc744 \uc774 \ucc3d\uc73c\ub85c \ub04c\uc5b4\ub2e4 \ub193\uc544\ub3c4 \ub429\ub2c8\ub2e4 (15MB \uc774\ud558). \ub450 \ubc88 \ub204\ub974\uba74 \ud06c\uac8c \ubd05\ub2c8\ub2e4.", None))
        self.addPhotoButton.setText(QCoreApplication.translate("FindingDialog", u"\uc0ac\uc9c4 \ucd94\uac00\u2026", None))
        self.removePhotoButton.setText(QCoreApplication.translate("FindingDialog", u"\uc0ac\uc9c4 \ube7c\uae30", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("FindingDialog", u"error", None))
    # retranslateUi

