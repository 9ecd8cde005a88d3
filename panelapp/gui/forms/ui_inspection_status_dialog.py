# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_status_dialog.ui'
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

class Ui_InspectionStatusDialog(object):
    def setupUi(self, InspectionStatusDialog):
        if not InspectionStatusDialog.objectName():
            InspectionStatusDialog.setObjectName(u"InspectionStatusDialog")
        InspectionStatusDialog.resize(420, 230)
        self.mainLayout = QVBoxLayout(InspectionStatusDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(InspectionStatusDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.statusLabel = QLabel(InspectionStatusDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(InspectionStatusDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.reasonLabel = QLabel(InspectionStatusDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(InspectionStatusDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(300)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.form)

        self.hintLabel = QLabel(InspectionStatusDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(InspectionStatusDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(InspectionStatusDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.statusCombo, self.reasonEdit)

        self.retranslateUi(InspectionStatusDialog)

        QMetaObject.connectSlotsByName(InspectionStatusDialog)
    # setupUi

    def retranslateUi(self, InspectionStatusDialog):
        InspectionStatusDialog.setWindowTitle(QCoreApplication.translate("InspectionStatusDialog", u"\uc810\uac80 \uc0c1\ud0dc \ubcc0\uacbd", None))
        self.titleLabel.setStyleSheet(QCoreApplication.translate("InspectionStatusDialog", u"font-weight: bold;", None))
        self.statusLabel.setText(QCoreApplication.translate("InspectionStatusDialog", u"\uc0c1\ud0dc", None))
        self.reasonLabel.setText(QCoreApplication.translate("InspectionStatusDialog", u"\uc0ac\uc720", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("InspectionStatusDialog", u"\uc5f0\uae30\u00b7\ucde8\uc18c\ud560 \ub54c \uc801\uc5b4 \uc8fc\uc138\uc694 (\uc608: \uc6b0\ucc9c\uc73c\ub85c \uc5f0\uae30)", None))
        self.hintLabel.setProperty(u"tone", QCoreApplication.translate("InspectionStatusDialog", u"hint", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("InspectionStatusDialog", u"error", None))
    # retranslateUi

