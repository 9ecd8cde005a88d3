# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'department_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_DepartmentDialog(object):
    def setupUi(self, DepartmentDialog):
        if not DepartmentDialog.objectName():
            DepartmentDialog.setObjectName(u"DepartmentDialog")
        DepartmentDialog.resize(420, 240)
        self.mainLayout = QVBoxLayout(DepartmentDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(DepartmentDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(DepartmentDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.contactLabel = QLabel(DepartmentDialog)
        self.contactLabel.setObjectName(u"contactLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEdit = QLineEdit(DepartmentDialog)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setMaxLength(50)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.contactEdit)

        self.phoneLabel = QLabel(DepartmentDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(DepartmentDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailLabel = QLabel(DepartmentDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(DepartmentDialog)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(254)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailEdit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(DepartmentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DepartmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.contactLabel.setBuddy(self.contactEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DepartmentDialog)

        QMetaObject.connectSlotsByName(DepartmentDialog)
    # setupUi

    def retranslateUi(self, DepartmentDialog):
        DepartmentDialog.setWindowTitle(QCoreApplication.translate("DepartmentDialog", u"\ub2f4\ub2f9\ubd80\uc11c", None))
        self.nameLabel.setText(QCoreApplication.translate("DepartmentDialog", u"\ubd80\uc11c\uba85 *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"\uc608: \uccb4\uc721\uc9c4\ud765\uacfc", None))
        self.contactLabel.setText(QCoreApplication.translate("DepartmentDialog", u"\uc2dc\ubbfc\uc18c\ud1b5\uad00", None))
        self.contactEdit.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"\ubd80\uc11c\uc758 \uc18c\ud1b5 \ub2f4\ub2f9\uc790 \uc774\ub984", None))
        self.phoneLabel.setText(QCoreApplication.translate("DepartmentDialog", u"\uc804\ud654", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"\uc608: 02-123-4567", None))
        self.emailLabel.setText(QCoreApplication.translate("DepartmentDialog", u"\uc774\uba54\uc77c", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"\uc608: sports@hanbit.go.kr", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("DepartmentDialog", u"error", None))
    # retranslateUi

