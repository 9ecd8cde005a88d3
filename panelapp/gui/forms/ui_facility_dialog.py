# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'facility_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_FacilityDialog(object):
    def setupUi(self, FacilityDialog):
        if not FacilityDialog.objectName():
            FacilityDialog.setObjectName(u"FacilityDialog")
        FacilityDialog.resize(480, 330)
        self.mainLayout = QVBoxLayout(FacilityDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(FacilityDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FacilityDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.typeLabel = QLabel(FacilityDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(FacilityDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.addressLabel = QLabel(FacilityDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(FacilityDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.departmentLabel = QLabel(FacilityDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(FacilityDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.contactLabel = QLabel(FacilityDialog)
        self.contactLabel.setObjectName(u"contactLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEdit = QLineEdit(FacilityDialog)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setMaxLength(100)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contactEdit)

        self.notesLabel = QLabel(FacilityDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(FacilityDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 90))
        self.notesEdit.setTabChangesFocus(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(FacilityDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FacilityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.departmentLabel.setBuddy(self.departmentCombo)
        self.contactLabel.setBuddy(self.contactEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.departmentCombo)
        QWidget.setTabOrder(self.departmentCombo, self.contactEdit)
        QWidget.setTabOrder(self.contactEdit, self.notesEdit)

        self.retranslateUi(FacilityDialog)

        QMetaObject.connectSlotsByName(FacilityDialog)
    # setupUi

    def retranslateUi(self, FacilityDialog):
        FacilityDialog.setWindowTitle(QCoreApplication.translate("FacilityDialog", u"\uc2dc\uc124", None))
        self.nameLabel.setText(QCoreApplication.translate("FacilityDialog", u"\uc2dc\uc124\uba85 *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FacilityDialog", u"\uc608: \ud55c\ube5b\uc885\ud569\uc6b4\ub3d9\uc7a5", None))
        self.typeLabel.setText(QCoreApplication.translate("FacilityDialog", u"\uc720\ud615 *", None))
        self.addressLabel.setText(QCoreApplication.translate("FacilityDialog", u"\uc8fc\uc18c", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("FacilityDialog", u"\uc608: \ud55c\ube5b\uc2dc \uc911\uc559\ub85c 100", None))
        self.departmentLabel.setText(QCoreApplication.translate("FacilityDialog", u"\ub2f4\ub2f9\ubd80\uc11c", None))
        self.contactLabel.setText(QCoreApplication.translate("FacilityDialog", u"\uc5f0\ub77d\ucc98", None))
        self.contactEdit.setPlaceholderText(QCoreApplication.translate("FacilityDialog", u"\uc608: \uad00\ub9ac\uc0ac\ubb34\uc18c 031-123-4567", None))
        self.notesLabel.setText(QCoreApplication.translate("FacilityDialog", u"\uba54\ubaa8", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("FacilityDialog", u"\uc6b4\uc601 \uc2dc\uac04, \uc810\uac80 \ub54c \uc54c\uc544\ub458 \uc810 \ub4f1", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("FacilityDialog", u"error", None))
    # retranslateUi

