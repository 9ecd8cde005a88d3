# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_dialog.ui'
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
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QTimeEdit, QVBoxLayout, QWidget)

class Ui_InspectionDialog(object):
    def setupUi(self, InspectionDialog):
        if not InspectionDialog.objectName():
            InspectionDialog.setObjectName(u"InspectionDialog")
        InspectionDialog.resize(560, 640)
        self.mainLayout = QVBoxLayout(InspectionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.facilityLabel = QLabel(InspectionDialog)
        self.facilityLabel.setObjectName(u"facilityLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.facilityLabel)

        self.facilityCombo = QComboBox(InspectionDialog)
        self.facilityCombo.setObjectName(u"facilityCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.facilityCombo)

        self.dateLabel = QLabel(InspectionDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.dateEdit = QDateEdit(InspectionDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateRow.addWidget(self.dateEdit)

        self.holidayLabel = QLabel(InspectionDialog)
        self.holidayLabel.setObjectName(u"holidayLabel")

        self.dateRow.addWidget(self.holidayLabel)

        self.dateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateSpacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dateRow)

        self.timeLabel = QLabel(InspectionDialog)
        self.timeLabel.setObjectName(u"timeLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timeLabel)

        self.timeRow = QHBoxLayout()
        self.timeRow.setObjectName(u"timeRow")
        self.startEdit = QTimeEdit(InspectionDialog)
        self.startEdit.setObjectName(u"startEdit")

        self.timeRow.addWidget(self.startEdit)

        self.tildeLabel = QLabel(InspectionDialog)
        self.tildeLabel.setObjectName(u"tildeLabel")

        self.timeRow.addWidget(self.tildeLabel)

        self.endEdit = QTimeEdit(InspectionDialog)
        self.endEdit.setObjectName(u"endEdit")

        self.timeRow.addWidget(self.endEdit)

        self.hoursLabel = QLabel(InspectionDialog)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.timeRow.addWidget(self.hoursLabel)

        self.timeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeRow.addItem(self.timeSpacer)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.timeRow)

        self.teamLabel = QLabel(InspectionDialog)
        self.teamLabel.setObjectName(u"teamLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.teamLabel)

        self.teamCombo = QComboBox(InspectionDialog)
        self.teamCombo.setObjectName(u"teamCombo")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.teamCombo)

        self.leadLabel = QLabel(InspectionDialog)
        self.leadLabel.setObjectName(u"leadLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadCombo = QComboBox(InspectionDialog)
        self.leadCombo.setObjectName(u"leadCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.leadCombo)

        self.membersLabel = QLabel(InspectionDialog)
        self.membersLabel.setObjectName(u"membersLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.membersLabel)

        self.membersList = QListWidget(InspectionDialog)
        self.membersList.setObjectName(u"membersList")
        self.membersList.setMinimumSize(QSize(0, 150))

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.membersList)

        self.templateLabel = QLabel(InspectionDialog)
        self.templateLabel.setObjectName(u"templateLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateCombo = QComboBox(InspectionDialog)
        self.templateCombo.setObjectName(u"templateCombo")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.templateCombo)

        self.repeatLabel = QLabel(InspectionDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatRow = QHBoxLayout()
        self.repeatRow.setObjectName(u"repeatRow")
        self.repeatCheck = QCheckBox(InspectionDialog)
        self.repeatCheck.setObjectName(u"repeatCheck")

        self.repeatRow.addWidget(self.repeatCheck)

        self.repeatCombo = QComboBox(InspectionDialog)
        self.repeatCombo.setObjectName(u"repeatCombo")
        self.repeatCombo.setEnabled(False)

        self.repeatRow.addWidget(self.repeatCombo)

        self.intervalSpin = QSpinBox(InspectionDialog)
        self.intervalSpin.setObjectName(u"intervalSpin")
        self.intervalSpin.setEnabled(False)
        self.intervalSpin.setMinimum(1)
        self.intervalSpin.setMaximum(8)

        self.repeatRow.addWidget(self.intervalSpin)

        self.untilLabel = QLabel(InspectionDialog)
        self.untilLabel.setObjectName(u"untilLabel")

        self.repeatRow.addWidget(self.untilLabel)

        self.untilEdit = QDateEdit(InspectionDialog)
        self.untilEdit.setObjectName(u"untilEdit")
        self.untilEdit.setEnabled(False)
        self.untilEdit.setCalendarPopup(True)

        self.repeatRow.addWidget(self.untilEdit)

        self.repeatSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.repeatRow.addItem(self.repeatSpacer)


        self.form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.repeatRow)

        self.notesLabel = QLabel(InspectionDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(InspectionDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 70))
        self.notesEdit.setTabChangesFocus(True)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(InspectionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(InspectionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.facilityLabel.setBuddy(self.facilityCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.timeLabel.setBuddy(self.startEdit)
        self.teamLabel.setBuddy(self.teamCombo)
        self.leadLabel.setBuddy(self.leadCombo)
        self.membersLabel.setBuddy(self.membersList)
        self.templateLabel.setBuddy(self.templateCombo)
        self.repeatLabel.setBuddy(self.repeatCheck)
        self.untilLabel.setBuddy(self.untilEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.facilityCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.teamCombo)
        QWidget.setTabOrder(self.teamCombo, self.leadCombo)
        QWidget.setTabOrder(self.leadCombo, self.membersList)
        QWidget.setTabOrder(self.membersList, self.templateCombo)
        QWidget.setTabOrder(self.templateCombo, self.repeatCheck)
        QWidget.setTabOrder(self.repeatCheck, self.repeatCombo)
        QWidget.setTabOrder(self.repeatCombo, self.intervalSpin)
        QWidget.setTabOrder(self.intervalSpin, self.untilEdit)
        QWidget.setTabOrder(self.untilEdit, self.notesEdit)

        self.retranslateUi(InspectionDialog)

        QMetaObject.connectSlotsByName(InspectionDialog)
    # setupUi

    def retranslateUi(self, InspectionDialog):
        InspectionDialog.setWindowTitle(QCoreApplication.translate("InspectionDialog", u"\uc810\uac80 \uc77c\uc815", None))
        self.facilityLabel.setText(QCoreApplication.translate("InspectionDialog", u"\uc2dc\uc124 *", None))
        self.dateLabel.setText(QCoreApplication.translate("InspectionDialog", u"\uc810\uac80\uc77c *", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("InspectionDialog", u"yyyy-MM-dd", None))
        self.holidayLabel.setProperty(u"tone", QCoreApplication.translate("InspectionDialog", u"holiday", None))
        self.timeLabel.setText(QCoreApplication.translate("InspectionDialog", u"\uc2dc\uac04 *", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("InspectionDialog", u"HH:mm", None))
        self.tildeLabel.setText(QCoreApplication.translate("InspectionDialog", u"~", None))
#if QT_CONFIG(accessibility)
        self.endEdit.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"\ub05d \uc2dc\uac01", None))
#endif // QT_CONFIG(accessibility)
        self.endEdit.setDisplayFormat(QCoreApplication.translate("InspectionDialog", u"HH:mm", None))
        self.hoursLabel.setProperty(u"tone", QCoreApplication.translate("InspectionDialog", u"hint", None))
        self.teamLabel.setText(QCoreApplication.translate("InspectionDialog", u"\ub2f4\ub2f9 \ub2e8", None))
        self.leadLabel.setText(QCoreApplication.translate("InspectionDialog", u"\uc870\uc7a5 *", None))
        self.membersLabel.setText(QCoreApplication.translate("InspectionDialog", u"\ub2e8\uc6d0", None))
#if QT_CONFIG(tooltip)
        self.membersList.setToolTip(QCoreApplication.translate("InspectionDialog", u"\ud568\uaed8 \uc810\uac80\ud560 \ub2e8\uc6d0\uc5d0 \ud45c\uc2dc\ud558\uc138\uc694", None))
#endif // QT_CONFIG(tooltip)
        self.templateLabel.setText(QCoreApplication.translate("InspectionDialog", u"\uc810\uac80\ud45c", None))
        self.repeatLabel.setText(QCoreApplication.translate("InspectionDialog", u"\ubc18\ubcf5", None))
        self.repeatCheck.setText(QCoreApplication.translate("InspectionDialog", u"\ubc18\ubcf5 \uc77c\uc815", None))
#if QT_CONFIG(accessibility)
        self.repeatCombo.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"\ubc18\ubcf5 \uc8fc\uae30", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.intervalSpin.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"\ubc18\ubcf5 \uac04\uaca9", None))
#endif // QT_CONFIG(accessibility)
        self.intervalSpin.setSuffix(QCoreApplication.translate("InspectionDialog", u"\uc8fc\ub9c8\ub2e4", None))
        self.untilLabel.setText(QCoreApplication.translate("InspectionDialog", u"\uc885\ub8cc\uc77c", None))
        self.untilEdit.setDisplayFormat(QCoreApplication.translate("InspectionDialog", u"yyyy-MM-dd", None))
        self.notesLabel.setText(QCoreApplication.translate("InspectionDialog", u"\uba54\ubaa8", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("InspectionDialog", u"\uc9d1\uacb0 \uc7a5\uc18c, \uc900\ube44\ubb3c \ub4f1", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("InspectionDialog", u"error", None))
    # retranslateUi

