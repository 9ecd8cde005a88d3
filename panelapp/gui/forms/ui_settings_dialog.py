# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(680, 640)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.accountGroup = QGroupBox(SettingsDialog)
        self.accountGroup.setObjectName(u"accountGroup")
        self.accountLayout = QHBoxLayout(self.accountGroup)
        self.accountLayout.setObjectName(u"accountLayout")
        self.accountLabel = QLabel(self.accountGroup)
        self.accountLabel.setObjectName(u"accountLabel")

        self.accountLayout.addWidget(self.accountLabel)

        self.accountSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.accountLayout.addItem(self.accountSpacer)

        self.changePasswordButton = QPushButton(self.accountGroup)
        self.changePasswordButton.setObjectName(u"changePasswordButton")
        self.changePasswordButton.setAutoDefault(False)

        self.accountLayout.addWidget(self.changePasswordButton)

        self.logoutButton = QPushButton(self.accountGroup)
        self.logoutButton.setObjectName(u"logoutButton")
        self.logoutButton.setAutoDefault(False)

        self.accountLayout.addWidget(self.logoutButton)


        self.mainLayout.addWidget(self.accountGroup)

        self.accountsGroup = QGroupBox(SettingsDialog)
        self.accountsGroup.setObjectName(u"accountsGroup")
        self.accountsLayout = QVBoxLayout(self.accountsGroup)
        self.accountsLayout.setObjectName(u"accountsLayout")
        self.accountsIntro = QLabel(self.accountsGroup)
        self.accountsIntro.setObjectName(u"accountsIntro")
        self.accountsIntro.setWordWrap(True)

        self.accountsLayout.addWidget(self.accountsIntro)

        self.userList = QListWidget(self.accountsGroup)
        self.userList.setObjectName(u"userList")
        self.userList.setMinimumSize(QSize(0, 130))

        self.accountsLayout.addWidget(self.userList)

        self.userButtons = QHBoxLayout()
        self.userButtons.setObjectName(u"userButtons")
        self.addButton = QPushButton(self.accountsGroup)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.userButtons.addWidget(self.addButton)

        self.userButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.userButtons.addItem(self.userButtonsSpacer)

        self.resetButton = QPushButton(self.accountsGroup)
        self.resetButton.setObjectName(u"resetButton")
        self.resetButton.setAutoDefault(False)

        self.userButtons.addWidget(self.resetButton)

        self.roleButton = QPushButton(self.accountsGroup)
        self.roleButton.setObjectName(u"roleButton")
        self.roleButton.setAutoDefault(False)

        self.userButtons.addWidget(self.roleButton)

        self.lockButton = QPushButton(self.accountsGroup)
        self.lockButton.setObjectName(u"lockButton")
        self.lockButton.setAutoDefault(False)

        self.userButtons.addWidget(self.lockButton)

        self.toggleActiveButton = QPushButton(self.accountsGroup)
        self.toggleActiveButton.setObjectName(u"toggleActiveButton")
        self.toggleActiveButton.setAutoDefault(False)

        self.userButtons.addWidget(self.toggleActiveButton)


        self.accountsLayout.addLayout(self.userButtons)


        self.mainLayout.addWidget(self.accountsGroup)

        self.locationGroup = QGroupBox(SettingsDialog)
        self.locationGroup.setObjectName(u"locationGroup")
        self.locationLayout = QFormLayout(self.locationGroup)
        self.locationLayout.setObjectName(u"locationLayout")
        self.dbCaption = QLabel(self.locationGroup)
        self.dbCaption.setObjectName(u"dbCaption")

        self.locationLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dbCaption)

        self.dbLabel = QLabel(self.locationGroup)
        self.dbLabel.setObjectName(u"dbLabel")
        self.dbLabel.setWordWrap(True)
        self.dbLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.locationLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dbLabel)

        self.dataDirCaption = QLabel(self.locationGroup)
        self.dataDirCaption.setObjectName(u"dataDirCaption")

        self.locationLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dataDirCaption)

        self.dataDirLabel = QLabel(self.locationGroup)
        self.dataDirLabel.setObjectName(u"dataDirLabel")
        self.dataDirLabel.setWordWrap(True)
        self.dataDirLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.locationLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dataDirLabel)

        self.attachmentsCaption = QLabel(self.locationGroup)
        self.attachmentsCaption.setObjectName(u"attachmentsCaption")

        self.locationLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.attachmentsCaption)

        self.attachmentsLabel = QLabel(self.locationGroup)
        self.attachmentsLabel.setObjectName(u"attachmentsLabel")
        self.attachmentsLabel.setWordWrap(True)
        self.attachmentsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.locationLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.attachmentsLabel)

        self.backupCaption = QLabel(self.locationGroup)
        self.backupCaption.setObjectName(u"backupCaption")

        self.locationLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.backupCaption)

        self.backupLabel = QLabel(self.locationGroup)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setWordWrap(True)
        self.backupLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.locationLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.backupLabel)

        self.settingsCaption = QLabel(self.locationGroup)
        self.settingsCaption.setObjectName(u"settingsCaption")

        self.locationLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.settingsCaption)

        self.settingsLabel = QLabel(self.locationGroup)
        self.settingsLabel.setObjectName(u"settingsLabel")
        self.settingsLabel.setWordWrap(True)
        self.settingsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.locationLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.settingsLabel)


        self.mainLayout.addWidget(self.locationGroup)

        self.displayGroup = QGroupBox(SettingsDialog)
        self.displayGroup.setObjectName(u"displayGroup")
        self.displayLayout = QVBoxLayout(self.displayGroup)
        self.displayLayout.setObjectName(u"displayLayout")
        self.highContrastCheck = QCheckBox(self.displayGroup)
        self.highContrastCheck.setObjectName(u"highContrastCheck")

        self.displayLayout.addWidget(self.highContrastCheck)

        self.displayHint = QLabel(self.displayGroup)
        self.displayHint.setObjectName(u"displayHint")
        self.displayHint.setWordWrap(True)

        self.displayLayout.addWidget(self.displayHint)

        self.lockLayout = QHBoxLayout()
        self.lockLayout.setObjectName(u"lockLayout")
        self.lockLabel = QLabel(self.displayGroup)
        self.lockLabel.setObjectName(u"lockLabel")

        self.lockLayout.addWidget(self.lockLabel)

        self.lockSpin = QSpinBox(self.displayGroup)
        self.lockSpin.setObjectName(u"lockSpin")
        self.lockSpin.setKeyboardTracking(False)
        self.lockSpin.setMinimum(1)
        self.lockSpin.setMaximum(60)
        self.lockSpin.setValue(15)

        self.lockLayout.addWidget(self.lockSpin)

        self.lockSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lockLayout.addItem(self.lockSpacer)


        self.displayLayout.addLayout(self.lockLayout)

        self.lockLimitLayout = QHBoxLayout()
        self.lockLimitLayout.setObjectName(u"lockLimitLayout")
        self.lockLimitLabel = QLabel(self.displayGroup)
        self.lockLimitLabel.setObjectName(u"lockLimitLabel")

        self.lockLimitLayout.addWidget(self.lockLimitLabel)

        self.lockLimitSpin = QSpinBox(self.displayGroup)
        self.lockLimitSpin.setObjectName(u"lockLimitSpin")
        self.lockLimitSpin.setKeyboardTracking(False)
        self.lockLimitSpin.setMinimum(1)
        self.lockLimitSpin.setMaximum(60)
        self.lockLimitSpin.setValue(15)

        self.lockLimitLayout.addWidget(self.lockLimitSpin)

        self.lockLimitButton = QPushButton(self.displayGroup)
        self.lockLimitButton.setObjectName(u"lockLimitButton")
        self.lockLimitButton.setAutoDefault(False)

        self.lockLimitLayout.addWidget(self.lockLimitButton)

        self.lockLimitSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lockLimitLayout.addItem(self.lockLimitSpacer)


        self.displayLayout.addLayout(self.lockLimitLayout)

        self.lockHint = QLabel(self.displayGroup)
        self.lockHint.setObjectName(u"lockHint")
        self.lockHint.setWordWrap(True)

        self.displayLayout.addWidget(self.lockHint)

        self.mailLayout = QHBoxLayout()
        self.mailLayout.setObjectName(u"mailLayout")
        self.mailButton = QPushButton(self.displayGroup)
        self.mailButton.setObjectName(u"mailButton")
        self.mailButton.setAutoDefault(False)

        self.mailLayout.addWidget(self.mailButton)

        self.mailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mailLayout.addItem(self.mailSpacer)


        self.displayLayout.addLayout(self.mailLayout)

        self.computerHint = QLabel(self.displayGroup)
        self.computerHint.setObjectName(u"computerHint")
        self.computerHint.setWordWrap(True)

        self.displayLayout.addWidget(self.computerHint)


        self.mainLayout.addWidget(self.displayGroup)

        self.errorLabel = QLabel(SettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.lockLabel.setBuddy(self.lockSpin)
        self.lockLimitLabel.setBuddy(self.lockLimitSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\uc124\uc815 \ubc0f \uacc4\uc815", None))
        self.accountGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\ub0b4 \uacc4\uc815", None))
        self.changePasswordButton.setText(QCoreApplication.translate("SettingsDialog", u"\ube44\ubc00\ubc88\ud638 \ubc14\uafb8\uae30(&P)\u2026", None))
        self.logoutButton.setText(QCoreApplication.translate("SettingsDialog", u"\ub2e4\ub978 \uacc4\uc815\uc73c\ub85c \ub85c\uadf8\uc778(&L)", None))
        self.accountsGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\uacc4\uc815 \uad00\ub9ac (\uad00\ub9ac\uc790)", None))
        self.accountsIntro.setText(QCoreApplication.translate("SettingsDialog", u"\uacc4\uc815\ub9c8\ub2e4 \uc5ed\ud560\uc774 \uc788\uc2b5\ub2c8\ub2e4. \uad00\ub9ac\uc790\ub294 \uacc4\uc815\u00b7\uae30\uad00 \uc815\ubcf4\u00b7\uac1c\uc778\uc815\ubcf4 \ud30c\uae30\u00b7\uc811\uc18d\uae30\ub85d\uc744, \ub2f4\ub2f9\uc790\ub294 \ucc38\uc5ec\ub2e8 \uc5c5\ubb34 \uc804\ubd80\ub97c, \uc810\uac80 \uc870\uc7a5\uc740 \uc790\uae30\uac00 \ub9e1\uc740 \uc810\uac80\uc758 \uacb0\uacfc\ub97c, \ubd80\uc11c \ub2f4\ub2f9\uc790\ub294 \uc790\uae30 \ubd80\uc11c\uc758 \uac1c\uc120\uc81c\uc548 \ub2f5\ubcc0\uc744 \ub2e4\ub8e8\uace0, \uc5f4\ub78c\uc790\ub294 \uc77d\uae30\ub9cc \ud569\ub2c8\ub2e4. \ubc14\uafbc \ub0b4\uc6a9\uc740 \uad8c\ud55c \ubcc0\uacbd \uc774\ub825\uc5d0 \ub0a8\uc2b5\ub2c8\ub2e4.", None))
        self.userList.setStyleSheet(QCoreApplication.translate("SettingsDialog", u"QListWidget::item { padding: 5px 4px; }", None))
        self.addButton.setText(QCoreApplication.translate("SettingsDialog", u"\uacc4\uc815 \ucd94\uac00(&A)\u2026", None))
        self.resetButton.setText(QCoreApplication.translate("SettingsDialog", u"\ube44\ubc00\ubc88\ud638 \ucd08\uae30\ud654(&R)\u2026", None))
        self.roleButton.setText(QCoreApplication.translate("SettingsDialog", u"\uc5ed\ud560 \ubc14\uafb8\uae30(&O)\u2026", None))
        self.lockButton.setText(QCoreApplication.translate("SettingsDialog", u"\uc7a0\uadf8\uae30(&K)", None))
        self.toggleActiveButton.setText(QCoreApplication.translate("SettingsDialog", u"\uc0ac\uc6a9 \uc911\uc9c0(&D)", None))
        self.locationGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\ub370\uc774\ud130 \uc704\uce58", None))
        self.dbCaption.setText(QCoreApplication.translate("SettingsDialog", u"\ub370\uc774\ud130\ubca0\uc774\uc2a4", None))
        self.dataDirCaption.setText(QCoreApplication.translate("SettingsDialog", u"\ub370\uc774\ud130 \ud3f4\ub354", None))
        self.attachmentsCaption.setText(QCoreApplication.translate("SettingsDialog", u"\ucca8\ubd80\ud30c\uc77c \ud3f4\ub354", None))
        self.backupCaption.setText(QCoreApplication.translate("SettingsDialog", u"\ubc31\uc5c5 \ud3f4\ub354", None))
        self.settingsCaption.setText(QCoreApplication.translate("SettingsDialog", u"\uc124\uc815 \ud30c\uc77c", None))
        self.displayGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\uc774 \ucef4\ud4e8\ud130\uc758 \uc124\uc815", None))
        self.highContrastCheck.setText(QCoreApplication.translate("SettingsDialog", u"\uace0\ub300\ube44 \ud654\uba74(&C)", None))
#if QT_CONFIG(tooltip)
        self.highContrastCheck.setToolTip(QCoreApplication.translate("SettingsDialog", u"\uac80\uc740 \ubc14\ud0d5\uc5d0 \ud770 \uae00\uc790, \uace0\ub978 \uac83\uacfc \uae09\ud55c \uac83\uc740 \ub178\ub780\uc0c9\uc73c\ub85c \ubcf4\uc785\ub2c8\ub2e4. \ub204\ub974\uba74 \ubc14\ub85c \ubc14\ub01d\ub2c8\ub2e4.", None))
#endif // QT_CONFIG(tooltip)
        self.displayHint.setProperty(u"tone", QCoreApplication.translate("SettingsDialog", u"hint", None))
        self.displayHint.setText(QCoreApplication.translate("SettingsDialog", u"\uac80\uc740 \ubc14\ud0d5\uc5d0 \ud770 \uae00\uc790, \uace0\ub978 \uac83\uacfc \uae09\ud55c \uac83\uc740 \ub178\ub780\uc0c9\uc73c\ub85c \ubcf4\uc785\ub2c8\ub2e4. \uae00\uc790 \ud06c\uae30\ub294 \uc6b4\uc601\uccb4\uc81c\uc758 \uae00\uaf34 \ud06c\uae30\uc640 \ubc30\uc728 \uc124\uc815\uc744 \ub530\ub985\ub2c8\ub2e4.", None))
        self.lockLabel.setText(QCoreApplication.translate("SettingsDialog", u"\uc790\ub3d9 \uc7a0\uae08(&T)", None))
        self.lockSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u"\ubd84 \ub3d9\uc548 \uc4f0\uc9c0 \uc54a\uc73c\uba74 \ud654\uba74\uc744 \uc7a0\uae09\ub2c8\ub2e4", None))
        self.lockLimitLabel.setText(QCoreApplication.translate("SettingsDialog", u"\uae30\uad00 \ucd5c\ub300(&M)", None))
        self.lockLimitSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u"\ubd84 (\ubaa8\ub4e0 \ucef4\ud4e8\ud130)", None))
#if QT_CONFIG(tooltip)
        self.lockLimitSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"\uc5b4\ub290 \ucef4\ud4e8\ud130\ub3c4 \uc774\ubcf4\ub2e4 \uc624\ub798 \uc7a0\uadf8\uc9c0 \uc54a\uace0 \ub450\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4. \ub370\uc774\ud130\ubca0\uc774\uc2a4\uc5d0 \uc800\uc7a5\ub418\uc5b4 \ubaa8\ub4e0 \ucef4\ud4e8\ud130\uc5d0 \uc801\uc6a9\ub429\ub2c8\ub2e4.", None))
#endif // QT_CONFIG(tooltip)
        self.lockLimitButton.setText(QCoreApplication.translate("SettingsDialog", u"\uae30\uad00 \ucd5c\ub300 \uc800\uc7a5(&S)", None))
        self.lockHint.setProperty(u"tone", QCoreApplication.translate("SettingsDialog", u"hint", None))
        self.lockHint.setText("")
        self.mailButton.setText(QCoreApplication.translate("SettingsDialog", u"\uba54\uc77c \uc11c\ubc84\u2026", None))
#if QT_CONFIG(tooltip)
        self.mailButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\ub3c5\ucd09 \uc548\ub0b4\ubb38\uc744 \ubd80\uc11c\uc5d0 \uba54\uc77c\ub85c \ubcf4\ub0bc \ub54c \uc4f0\ub294 \uba54\uc77c \uc11c\ubc84 (\uae30\ubcf8: \uaebc\uc9d0)", None))
#endif // QT_CONFIG(tooltip)
        self.computerHint.setProperty(u"tone", QCoreApplication.translate("SettingsDialog", u"hint", None))
        self.computerHint.setText(QCoreApplication.translate("SettingsDialog", u"\uc774 \uc124\uc815\uacfc \ub85c\uadf8\uc778 \ucc3d\uc5d0 \ucc44\uc6b0\ub294 \ub9c8\uc9c0\ub9c9 \uacc4\uc815 \uc774\ub984\uc740 \ub370\uc774\ud130\ubca0\uc774\uc2a4\uac00 \uc544\ub2c8\ub77c \uc774 \ucef4\ud4e8\ud130\uc758 \uc124\uc815 \ud30c\uc77c\uc5d0 \uc800\uc7a5\ub429\ub2c8\ub2e4(\uae30\uad00 \ucd5c\ub300\ub9cc \ub370\uc774\ud130\ubca0\uc774\uc2a4\uc5d0 \uc800\uc7a5\ub418\uc5b4 \ubaa8\ub4e0 \ucef4\ud4e8\ud130\uc5d0 \uc801\uc6a9\ub429\ub2c8\ub2e4).", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("SettingsDialog", u"error", None))
    # retranslateUi

