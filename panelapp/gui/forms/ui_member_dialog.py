# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
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
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(860, 560)
        self.mainLayout = QVBoxLayout(MemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(MemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.infoBox = QGroupBox(MemberDialog)
        self.infoBox.setObjectName(u"infoBox")
        self.infoForm = QFormLayout(self.infoBox)
        self.infoForm.setObjectName(u"infoForm")
        self.infoForm.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.nameEditLabel = QLabel(self.infoBox)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.infoForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(self.infoBox)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.infoForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.phoneEditLabel = QLabel(self.infoBox)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.infoForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(self.infoBox)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.infoForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailEditLabel = QLabel(self.infoBox)
        self.emailEditLabel.setObjectName(u"emailEditLabel")

        self.infoForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailEditLabel)

        self.emailEdit = QLineEdit(self.infoBox)
        self.emailEdit.setObjectName(u"emailEdit")

        self.infoForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.districtEditLabel = QLabel(self.infoBox)
        self.districtEditLabel.setObjectName(u"districtEditLabel")

        self.infoForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.districtEditLabel)

        self.districtEdit = QLineEdit(self.infoBox)
        self.districtEdit.setObjectName(u"districtEdit")
        self.districtEdit.setMaxLength(50)

        self.infoForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.districtEdit)

        self.birthYearEditLabel = QLabel(self.infoBox)
        self.birthYearEditLabel.setObjectName(u"birthYearEditLabel")

        self.infoForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birthYearEditLabel)

        self.birthYearEdit = QLineEdit(self.infoBox)
        self.birthYearEdit.setObjectName(u"birthYearEdit")
        self.birthYearEdit.setMaxLength(6)

        self.infoForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.birthYearEdit)

        self.genderComboLabel = QLabel(self.infoBox)
        self.genderComboLabel.setObjectName(u"genderComboLabel")

        self.infoForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.genderComboLabel)

        self.genderCombo = QComboBox(self.infoBox)
        self.genderCombo.setObjectName(u"genderCombo")

        self.infoForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.genderCombo)

        self.teamComboLabel = QLabel(self.infoBox)
        self.teamComboLabel.setObjectName(u"teamComboLabel")

        self.infoForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.teamComboLabel)

        self.teamCombo = QComboBox(self.infoBox)
        self.teamCombo.setObjectName(u"teamCombo")

        self.infoForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.teamCombo)

        self.roleComboLabel = QLabel(self.infoBox)
        self.roleComboLabel.setObjectName(u"roleComboLabel")

        self.infoForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.roleComboLabel)

        self.roleCombo = QComboBox(self.infoBox)
        self.roleCombo.setObjectName(u"roleCombo")

        self.infoForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.joinedEditLabel = QLabel(self.infoBox)
        self.joinedEditLabel.setObjectName(u"joinedEditLabel")

        self.infoForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.joinedEditLabel)

        self.joinedEdit = QDateEdit(self.infoBox)
        self.joinedEdit.setObjectName(u"joinedEdit")
        self.joinedEdit.setCalendarPopup(True)

        self.infoForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.joinedEdit)

        self.notesEditLabel = QLabel(self.infoBox)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.infoForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(self.infoBox)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 80))
        self.notesEdit.setTabChangesFocus(True)

        self.infoForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.columns.addWidget(self.infoBox)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.consentBox = QGroupBox(MemberDialog)
        self.consentBox.setObjectName(u"consentBox")
        self.consentLayout = QVBoxLayout(self.consentBox)
        self.consentLayout.setObjectName(u"consentLayout")
        self.noticeTitle = QLabel(self.consentBox)
        self.noticeTitle.setObjectName(u"noticeTitle")
        self.noticeTitle.setWordWrap(True)

        self.consentLayout.addWidget(self.noticeTitle)

        self.noticeText = QTextBrowser(self.consentBox)
        self.noticeText.setObjectName(u"noticeText")
        self.noticeText.setMinimumSize(QSize(360, 200))

        self.consentLayout.addWidget(self.noticeText)

        self.consentForm = QFormLayout()
        self.consentForm.setObjectName(u"consentForm")
        self.consentDateLabel = QLabel(self.consentBox)
        self.consentDateLabel.setObjectName(u"consentDateLabel")

        self.consentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.consentDateLabel)

        self.consentDateEdit = QDateEdit(self.consentBox)
        self.consentDateEdit.setObjectName(u"consentDateEdit")
        self.consentDateEdit.setCalendarPopup(True)

        self.consentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.consentDateEdit)

        self.methodLabel = QLabel(self.consentBox)
        self.methodLabel.setObjectName(u"methodLabel")

        self.consentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(self.consentBox)
        self.methodCombo.setObjectName(u"methodCombo")

        self.consentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.methodCombo)


        self.consentLayout.addLayout(self.consentForm)

        self.agreeCheck = QCheckBox(self.consentBox)
        self.agreeCheck.setObjectName(u"agreeCheck")

        self.consentLayout.addWidget(self.agreeCheck)


        self.rightColumn.addWidget(self.consentBox)

        self.historyBox = QGroupBox(MemberDialog)
        self.historyBox.setObjectName(u"historyBox")
        self.historyLayout = QVBoxLayout(self.historyBox)
        self.historyLayout.setObjectName(u"historyLayout")
        self.statsLabel = QLabel(self.historyBox)
        self.statsLabel.setObjectName(u"statsLabel")
        self.statsLabel.setWordWrap(True)

        self.historyLayout.addWidget(self.statsLabel)

        self.historyTable = QTableWidget(self.historyBox)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setTabKeyNavigation(False)
        self.historyTable.setMinimumSize(QSize(360, 120))

        self.historyLayout.addWidget(self.historyTable)

        self.withdrawButton = QPushButton(self.historyBox)
        self.withdrawButton.setObjectName(u"withdrawButton")
        self.withdrawButton.setAutoDefault(False)

        self.historyLayout.addWidget(self.withdrawButton)


        self.rightColumn.addWidget(self.historyBox)


        self.columns.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.columns)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.emailEditLabel.setBuddy(self.emailEdit)
        self.districtEditLabel.setBuddy(self.districtEdit)
        self.birthYearEditLabel.setBuddy(self.birthYearEdit)
        self.genderComboLabel.setBuddy(self.genderCombo)
        self.teamComboLabel.setBuddy(self.teamCombo)
        self.roleComboLabel.setBuddy(self.roleCombo)
        self.joinedEditLabel.setBuddy(self.joinedEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
        self.consentDateLabel.setBuddy(self.consentDateEdit)
        self.methodLabel.setBuddy(self.methodCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\ucc38\uc5ec\ub2e8\uc6d0", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("MemberDialog", u"error_box", None))
        self.infoBox.setTitle(QCoreApplication.translate("MemberDialog", u"\uae30\ubcf8 \uc815\ubcf4", None))
        self.nameEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\uc774\ub984 *", None))
        self.phoneEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\ud734\ub300\uc804\ud654 *", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"010-1234-5678", None))
        self.emailEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\uc774\uba54\uc77c", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"hong@example.kr", None))
        self.districtEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\uac70\uc8fc\uc9c0 (\uad6c/\ub3d9)", None))
        self.districtEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\uc608: \uc911\uad6c \ub3d9\uc778\ub3d9", None))
        self.birthYearEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\ucd9c\uc0dd\uc5f0\ub3c4", None))
        self.birthYearEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\uc608: 1985", None))
        self.genderComboLabel.setText(QCoreApplication.translate("MemberDialog", u"\uc131\ubcc4", None))
        self.teamComboLabel.setText(QCoreApplication.translate("MemberDialog", u"\uc18c\uc18d \ub2e8", None))
        self.roleComboLabel.setText(QCoreApplication.translate("MemberDialog", u"\uc5ed\ud560", None))
        self.joinedEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\ud65c\ub3d9 \uc2dc\uc791\uc77c *", None))
        self.joinedEdit.setDisplayFormat(QCoreApplication.translate("MemberDialog", u"yyyy-MM-dd", None))
        self.notesEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\uba54\ubaa8", None))
        self.consentBox.setTitle(QCoreApplication.translate("MemberDialog", u"\uac1c\uc778\uc815\ubcf4 \uc218\uc9d1\u00b7\uc774\uc6a9 \ub3d9\uc758", None))
        self.noticeTitle.setStyleSheet(QCoreApplication.translate("MemberDialog", u"font-weight: bold;", None))
        self.consentDateLabel.setText(QCoreApplication.translate("MemberDialog", u"\ub3d9\uc758\uc77c", None))
        self.consentDateEdit.setDisplayFormat(QCoreApplication.translate("MemberDialog", u"yyyy-MM-dd", None))
        self.methodLabel.setText(QCoreApplication.translate("MemberDialog", u"\ub3d9\uc758 \ubc29\ubc95", None))
        self.agreeCheck.setText(QCoreApplication.translate("MemberDialog", u"\uc704 \ub0b4\uc6a9\uc5d0 \ub3d9\uc758\ud568 (\ud544\uc218)", None))
        self.historyBox.setTitle(QCoreApplication.translate("MemberDialog", u"\ud65c\ub3d9 \ubc0f \ub3d9\uc758 \uc774\ub825", None))
        self.withdrawButton.setText(QCoreApplication.translate("MemberDialog", u"\ub3d9\uc758 \ucca0\ud68c \uae30\ub85d\u2026", None))
#if QT_CONFIG(tooltip)
        self.withdrawButton.setToolTip(QCoreApplication.translate("MemberDialog", u"\ubcf8\uc778\uc774 \uac1c\uc778\uc815\ubcf4 \uc218\uc9d1\u00b7\uc774\uc6a9 \ub3d9\uc758\ub97c \ucca0\ud68c\ud588\uc744 \ub54c: \ud65c\ub3d9 \uc911\uc778 \uae30\uc218\uc5d0\uc11c \ud0c8\ud1f4 \ucc98\ub9ac\ub418\uace0 \ud30c\uae30 \ub300\uc0c1\uc774 \ub429\ub2c8\ub2e4", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

