# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(PasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PasswordDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(PasswordDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(PasswordDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.roleLabel = QLabel(PasswordDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(PasswordDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.departmentLabel = QLabel(PasswordDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(PasswordDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.memberLabel = QLabel(PasswordDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(PasswordDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.oldLabel = QLabel(PasswordDialog)
        self.oldLabel.setObjectName(u"oldLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.oldLabel)

        self.oldEdit = QLineEdit(PasswordDialog)
        self.oldEdit.setObjectName(u"oldEdit")
        self.oldEdit.setMaxLength(200)
        self.oldEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.oldEdit)

        self.newLabel = QLabel(PasswordDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newEdit = QLineEdit(PasswordDialog)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setMaxLength(200)
        self.newEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.confirmLabel = QLabel(PasswordDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(PasswordDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setMaxLength(200)
        self.confirmEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.confirmEdit)


        self.mainLayout.addLayout(self.form)

        self.ruleLabel = QLabel(PasswordDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.ruleLabel)

        self.errorLabel = QLabel(PasswordDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.departmentLabel.setBuddy(self.departmentCombo)
        self.memberLabel.setBuddy(self.memberCombo)
        self.oldLabel.setBuddy(self.oldEdit)
        self.newLabel.setBuddy(self.newEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.departmentCombo)
        QWidget.setTabOrder(self.departmentCombo, self.memberCombo)
        QWidget.setTabOrder(self.memberCombo, self.oldEdit)
        QWidget.setTabOrder(self.oldEdit, self.newEdit)
        QWidget.setTabOrder(self.newEdit, self.confirmEdit)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"\ube44\ubc00\ubc88\ud638", None))
        self.nameLabel.setText(QCoreApplication.translate("PasswordDialog", u"\uacc4\uc815 \uc774\ub984(&N)", None))
        self.roleLabel.setText(QCoreApplication.translate("PasswordDialog", u"\uc5ed\ud560(&R)", None))
        self.departmentLabel.setText(QCoreApplication.translate("PasswordDialog", u"\ub2f4\ub2f9\ubd80\uc11c(&D)", None))
        self.memberLabel.setText(QCoreApplication.translate("PasswordDialog", u"\ub2e8\uc6d0(&M)", None))
#if QT_CONFIG(tooltip)
        self.memberCombo.setToolTip(QCoreApplication.translate("PasswordDialog", u"\uc810\uac80 \uc870\uc7a5 \uacc4\uc815\uc774 \ub204\uad6c\uc778\uc9c0: \uadf8 \ub2e8\uc6d0\uc774 \uc870\uc7a5\uc73c\ub85c \ubc30\uc815\ub41c \uc810\uac80\uc758 \uacb0\uacfc\uc640 \ubc1c\uacac\uc0ac\ud56d\ub9cc \uc785\ub825\ud569\ub2c8\ub2e4", None))
#endif // QT_CONFIG(tooltip)
        self.oldLabel.setText(QCoreApplication.translate("PasswordDialog", u"\uc9c0\uae08 \ube44\ubc00\ubc88\ud638(&O)", None))
        self.newLabel.setText(QCoreApplication.translate("PasswordDialog", u"\uc0c8 \ube44\ubc00\ubc88\ud638(&P)", None))
        self.confirmLabel.setText(QCoreApplication.translate("PasswordDialog", u"\uc0c8 \ube44\ubc00\ubc88\ud638 \ud655\uc778(&C)", None))
        self.ruleLabel.setProperty(u"tone", QCoreApplication.translate("PasswordDialog", u"hint", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("PasswordDialog", u"error", None))
    # retranslateUi

