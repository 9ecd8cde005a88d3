# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'withdraw_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_WithdrawDialog(object):
    def setupUi(self, WithdrawDialog):
        if not WithdrawDialog.objectName():
            WithdrawDialog.setObjectName(u"WithdrawDialog")
        WithdrawDialog.resize(420, 220)
        self.mainLayout = QVBoxLayout(WithdrawDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(WithdrawDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.leftOnLabel = QLabel(WithdrawDialog)
        self.leftOnLabel.setObjectName(u"leftOnLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.leftOnLabel)

        self.leftOnEdit = QDateEdit(WithdrawDialog)
        self.leftOnEdit.setObjectName(u"leftOnEdit")
        self.leftOnEdit.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.leftOnEdit)

        self.reasonLabel = QLabel(WithdrawDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(WithdrawDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(WithdrawDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(WithdrawDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.leftOnLabel.setBuddy(self.leftOnEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WithdrawDialog)

        QMetaObject.connectSlotsByName(WithdrawDialog)
    # setupUi

    def retranslateUi(self, WithdrawDialog):
        WithdrawDialog.setWindowTitle(QCoreApplication.translate("WithdrawDialog", u"\ud0c8\ud1f4 \ucc98\ub9ac", None))
        self.leftOnLabel.setText(QCoreApplication.translate("WithdrawDialog", u"\ud0c8\ud1f4\uc77c", None))
        self.leftOnEdit.setDisplayFormat(QCoreApplication.translate("WithdrawDialog", u"yyyy-MM-dd", None))
        self.reasonLabel.setText(QCoreApplication.translate("WithdrawDialog", u"\uc0ac\uc720", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("WithdrawDialog", u"\uc608: \uac1c\uc778 \uc0ac\uc815, \uc774\uc0ac", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("WithdrawDialog", u"error", None))
    # retranslateUi

