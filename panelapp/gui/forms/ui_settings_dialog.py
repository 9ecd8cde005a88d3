# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(600, 600)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.userGroup = QGroupBox(SettingsDialog)
        self.userGroup.setObjectName(u"userGroup")
        self.userLayout = QVBoxLayout(self.userGroup)
        self.userLayout.setObjectName(u"userLayout")
        self.userIntro = QLabel(self.userGroup)
        self.userIntro.setObjectName(u"userIntro")
        self.userIntro.setWordWrap(True)

        self.userLayout.addWidget(self.userIntro)

        self.userList = QListWidget(self.userGroup)
        self.userList.setObjectName(u"userList")
        self.userList.setMinimumSize(QSize(0, 150))

        self.userLayout.addWidget(self.userList)

        self.userButtons = QHBoxLayout()
        self.userButtons.setObjectName(u"userButtons")
        self.userButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.userButtons.addItem(self.userButtonsSpacer)

        self.toggleActiveButton = QPushButton(self.userGroup)
        self.toggleActiveButton.setObjectName(u"toggleActiveButton")

        self.userButtons.addWidget(self.toggleActiveButton)


        self.userLayout.addLayout(self.userButtons)


        self.mainLayout.addWidget(self.userGroup)

        self.addGroup = QGroupBox(SettingsDialog)
        self.addGroup.setObjectName(u"addGroup")
        self.addLayout = QHBoxLayout(self.addGroup)
        self.addLayout.setObjectName(u"addLayout")
        self.nameLabel = QLabel(self.addGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.addLayout.addWidget(self.nameLabel)

        self.nameEdit = QLineEdit(self.addGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.addLayout.addWidget(self.nameEdit)

        self.roleLabel = QLabel(self.addGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.addLayout.addWidget(self.roleLabel)

        self.roleCombo = QComboBox(self.addGroup)
        self.roleCombo.setObjectName(u"roleCombo")

        self.addLayout.addWidget(self.roleCombo)

        self.addButton = QPushButton(self.addGroup)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.addLayout.addWidget(self.addButton)


        self.mainLayout.addWidget(self.addGroup)

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


        self.mainLayout.addWidget(self.locationGroup)

        self.errorLabel = QLabel(SettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\uc124\uc815 \ubc0f \uc0ac\uc6a9\uc790", None))
        self.userGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\uc791\uc5c5\ud558\ub294 \uc0ac\uc6a9\uc790", None))
        self.userIntro.setText(QCoreApplication.translate("SettingsDialog", u"\ub85c\uadf8\uc778 \uae30\ub2a5\uc774 \uc0dd\uae30\uae30 \uc804\uae4c\uc9c0 \ud504\ub85c\uadf8\ub7a8\uc740 \uc5ec\uae30\uc11c \uace0\ub978 \uc0ac\uc6a9\uc790\ub85c \ub3d9\uc791\ud569\ub2c8\ub2e4. \ub4f1\ub85d\u00b7\uc218\uc815\u00b7\uc0ad\uc81c \uae30\ub85d\ub9c8\ub2e4 \uc774 \uc774\ub984\uc774 \ub0a8\uc2b5\ub2c8\ub2e4.", None))
        self.userList.setStyleSheet(QCoreApplication.translate("SettingsDialog", u"QListWidget::item { padding: 5px 4px; }", None))
        self.toggleActiveButton.setText(QCoreApplication.translate("SettingsDialog", u"\uc0ac\uc6a9 \uc911\uc9c0", None))
        self.addGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\uc0ac\uc6a9\uc790 \ucd94\uac00", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsDialog", u"\uc774\ub984", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\uc608: \uae40\ub2f4\ub2f9", None))
        self.roleLabel.setText(QCoreApplication.translate("SettingsDialog", u"\uc5ed\ud560", None))
        self.addButton.setText(QCoreApplication.translate("SettingsDialog", u"\ucd94\uac00", None))
        self.locationGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\ub370\uc774\ud130 \uc704\uce58", None))
        self.dbCaption.setText(QCoreApplication.translate("SettingsDialog", u"\ub370\uc774\ud130\ubca0\uc774\uc2a4", None))
        self.dataDirCaption.setText(QCoreApplication.translate("SettingsDialog", u"\ub370\uc774\ud130 \ud3f4\ub354", None))
        self.attachmentsCaption.setText(QCoreApplication.translate("SettingsDialog", u"\ucca8\ubd80\ud30c\uc77c \ud3f4\ub354", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("SettingsDialog", u"color: #b00020;", None))
    # retranslateUi

