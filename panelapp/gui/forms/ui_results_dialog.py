# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'results_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDateEdit, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QTimeEdit, QVBoxLayout, QWidget)

class Ui_ResultsDialog(object):
    def setupUi(self, ResultsDialog):
        if not ResultsDialog.objectName():
            ResultsDialog.setObjectName(u"ResultsDialog")
        ResultsDialog.resize(1180, 760)
        self.mainLayout = QVBoxLayout(ResultsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(ResultsDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.infoLabel = QLabel(ResultsDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.infoLabel)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.scrollArea = QScrollArea(ResultsDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.itemsHost = QWidget()
        self.itemsHost.setObjectName(u"itemsHost")
        self.scrollArea.setWidget(self.itemsHost)

        self.body.addWidget(self.scrollArea)

        self.side = QVBoxLayout()
        self.side.setObjectName(u"side")
        self.scoreGroup = QGroupBox(ResultsDialog)
        self.scoreGroup.setObjectName(u"scoreGroup")
        self.scoreLayout = QVBoxLayout(self.scoreGroup)
        self.scoreLayout.setObjectName(u"scoreLayout")
        self.overallLabel = QLabel(self.scoreGroup)
        self.overallLabel.setObjectName(u"overallLabel")
        self.overallLabel.setWordWrap(True)

        self.scoreLayout.addWidget(self.overallLabel)

        self.sectionsLabel = QLabel(self.scoreGroup)
        self.sectionsLabel.setObjectName(u"sectionsLabel")
        self.sectionsLabel.setWordWrap(True)

        self.scoreLayout.addWidget(self.sectionsLabel)

        self.missingLabel = QLabel(self.scoreGroup)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)

        self.scoreLayout.addWidget(self.missingLabel)


        self.side.addWidget(self.scoreGroup)

        self.completionGroup = QGroupBox(ResultsDialog)
        self.completionGroup.setObjectName(u"completionGroup")
        self.completionForm = QFormLayout(self.completionGroup)
        self.completionForm.setObjectName(u"completionForm")
        self.dateLabel = QLabel(self.completionGroup)
        self.dateLabel.setObjectName(u"dateLabel")

        self.completionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(self.completionGroup)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.completionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.startLabel = QLabel(self.completionGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.completionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QTimeEdit(self.completionGroup)
        self.startEdit.setObjectName(u"startEdit")

        self.completionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(self.completionGroup)
        self.endLabel.setObjectName(u"endLabel")

        self.completionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endEdit = QTimeEdit(self.completionGroup)
        self.endEdit.setObjectName(u"endEdit")

        self.completionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.endEdit)

        self.attendeesLabel = QLabel(self.completionGroup)
        self.attendeesLabel.setObjectName(u"attendeesLabel")

        self.completionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.attendeesLabel)

        self.attendeesBox = QWidget(self.completionGroup)
        self.attendeesBox.setObjectName(u"attendeesBox")

        self.completionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.attendeesBox)


        self.side.addWidget(self.completionGroup)

        self.hoursLabel = QLabel(ResultsDialog)
        self.hoursLabel.setObjectName(u"hoursLabel")
        self.hoursLabel.setWordWrap(True)

        self.side.addWidget(self.hoursLabel)

        self.findingsGroup = QGroupBox(ResultsDialog)
        self.findingsGroup.setObjectName(u"findingsGroup")
        self.findingsLayout = QVBoxLayout(self.findingsGroup)
        self.findingsLayout.setObjectName(u"findingsLayout")
        self.findingsList = QListWidget(self.findingsGroup)
        self.findingsList.setObjectName(u"findingsList")

        self.findingsLayout.addWidget(self.findingsList)

        self.addFindingButton = QPushButton(self.findingsGroup)
        self.addFindingButton.setObjectName(u"addFindingButton")

        self.findingsLayout.addWidget(self.addFindingButton)


        self.side.addWidget(self.findingsGroup)


        self.body.addLayout(self.side)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 1)

        self.mainLayout.addLayout(self.body)

        self.errorLabel = QLabel(ResultsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.keysLabel = QLabel(ResultsDialog)
        self.keysLabel.setObjectName(u"keysLabel")

        self.buttons.addWidget(self.keysLabel)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(ResultsDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttons.addWidget(self.saveButton)

        self.completeButton = QPushButton(ResultsDialog)
        self.completeButton.setObjectName(u"completeButton")
        self.completeButton.setAutoDefault(False)

        self.buttons.addWidget(self.completeButton)

        self.closeButton = QPushButton(ResultsDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttons.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ResultsDialog)

        QMetaObject.connectSlotsByName(ResultsDialog)
    # setupUi

    def retranslateUi(self, ResultsDialog):
        ResultsDialog.setWindowTitle(QCoreApplication.translate("ResultsDialog", u"\uc810\uac80 \uacb0\uacfc \uc785\ub825", None))
        self.titleLabel.setStyleSheet(QCoreApplication.translate("ResultsDialog", u"font-size: 15pt; font-weight: bold;", None))
        self.infoLabel.setProperty(u"tone", QCoreApplication.translate("ResultsDialog", u"hint", None))
        self.scoreGroup.setTitle(QCoreApplication.translate("ResultsDialog", u"\uc810\uc218", None))
        self.overallLabel.setStyleSheet(QCoreApplication.translate("ResultsDialog", u"font-size: 13pt; font-weight: bold;", None))
        self.overallLabel.setProperty(u"tone", QCoreApplication.translate("ResultsDialog", u"accent", None))
        self.completionGroup.setTitle(QCoreApplication.translate("ResultsDialog", u"\uc644\ub8cc \uc815\ubcf4", None))
        self.dateLabel.setText(QCoreApplication.translate("ResultsDialog", u"\uc2e4\uc81c \uc810\uac80\uc77c", None))
        self.startLabel.setText(QCoreApplication.translate("ResultsDialog", u"\uc2e4\uc81c \uc2dc\uc791", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("ResultsDialog", u"HH:mm", None))
        self.endLabel.setText(QCoreApplication.translate("ResultsDialog", u"\uc2e4\uc81c \uc885\ub8cc", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("ResultsDialog", u"HH:mm", None))
        self.attendeesLabel.setText(QCoreApplication.translate("ResultsDialog", u"\ucc38\uc5ec\uc790", None))
        self.hoursLabel.setProperty(u"tone", QCoreApplication.translate("ResultsDialog", u"hint", None))
        self.findingsGroup.setTitle(QCoreApplication.translate("ResultsDialog", u"\ubc1c\uacac\uc0ac\ud56d", None))
        self.addFindingButton.setText(QCoreApplication.translate("ResultsDialog", u"\ubc1c\uacac\uc0ac\ud56d \ucd94\uac00", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("ResultsDialog", u"error", None))
        self.keysLabel.setProperty(u"tone", QCoreApplication.translate("ResultsDialog", u"hint", None))
        self.keysLabel.setText(QCoreApplication.translate("ResultsDialog", u"1\u20135 \uc810\uc218 \u00b7 Y \uc608 \u00b7 N \uc544\ub2c8\uc624 \u00b7 0 \ud574\ub2f9\uc5c6\uc74c \u00b7 Tab/Enter \ub2e4\uc74c \ud56d\ubaa9 \u00b7 F2 \uba54\ubaa8", None))
        self.saveButton.setText(QCoreApplication.translate("ResultsDialog", u"\uc784\uc2dc \uc800\uc7a5", None))
        self.completeButton.setText(QCoreApplication.translate("ResultsDialog", u"\uc644\ub8cc", None))
        self.closeButton.setText(QCoreApplication.translate("ResultsDialog", u"\ub2eb\uae30", None))
    # retranslateUi

