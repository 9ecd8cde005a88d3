# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organization_dialog.ui'
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
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_OrganizationDialog(object):
    def setupUi(self, OrganizationDialog):
        if not OrganizationDialog.objectName():
            OrganizationDialog.setObjectName(u"OrganizationDialog")
        OrganizationDialog.resize(600, 380)
        self.mainLayout = QVBoxLayout(OrganizationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(OrganizationDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(OrganizationDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(OrganizationDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.addressLabel = QLabel(OrganizationDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(OrganizationDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(OrganizationDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(OrganizationDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.logoCaption = QLabel(OrganizationDialog)
        self.logoCaption.setObjectName(u"logoCaption")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.logoCaption)

        self.logoRow = QHBoxLayout()
        self.logoRow.setObjectName(u"logoRow")
        self.logoPreview = QLabel(OrganizationDialog)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(72, 72))
        self.logoPreview.setMaximumSize(QSize(72, 72))
        self.logoPreview.setFrameShape(QFrame.StyledPanel)
        self.logoPreview.setAlignment(Qt.AlignCenter)

        self.logoRow.addWidget(self.logoPreview)

        self.logoButtons = QVBoxLayout()
        self.logoButtons.setObjectName(u"logoButtons")
        self.logoButton = QPushButton(OrganizationDialog)
        self.logoButton.setObjectName(u"logoButton")
        self.logoButton.setAutoDefault(False)

        self.logoButtons.addWidget(self.logoButton)

        self.logoClearButton = QPushButton(OrganizationDialog)
        self.logoClearButton.setObjectName(u"logoClearButton")
        self.logoClearButton.setAutoDefault(False)

        self.logoButtons.addWidget(self.logoClearButton)


        self.logoRow.addLayout(self.logoButtons)

        self.logoHint = QLabel(OrganizationDialog)
        self.logoHint.setObjectName(u"logoHint")
        self.logoHint.setWordWrap(True)

        self.logoRow.addWidget(self.logoHint)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.logoRow)

        self.signoffLabel = QLabel(OrganizationDialog)
        self.signoffLabel.setObjectName(u"signoffLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.signoffLabel)

        self.signoffEdit = QLineEdit(OrganizationDialog)
        self.signoffEdit.setObjectName(u"signoffEdit")
        self.signoffEdit.setMaxLength(80)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.signoffEdit)

        self.signoffPreview = QLabel(OrganizationDialog)
        self.signoffPreview.setObjectName(u"signoffPreview")
        self.signoffPreview.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signoffPreview)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(OrganizationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(OrganizationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.signoffLabel.setBuddy(self.signoffEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.logoButton)
        QWidget.setTabOrder(self.logoButton, self.logoClearButton)
        QWidget.setTabOrder(self.logoClearButton, self.signoffEdit)

        self.retranslateUi(OrganizationDialog)

        QMetaObject.connectSlotsByName(OrganizationDialog)
    # setupUi

    def retranslateUi(self, OrganizationDialog):
        OrganizationDialog.setWindowTitle(QCoreApplication.translate("OrganizationDialog", u"\uae30\uad00 \uc815\ubcf4", None))
        self.introLabel.setStyleSheet(QCoreApplication.translate("OrganizationDialog", u"padding: 4px 2px 8px 2px;", None))
        self.introLabel.setText(QCoreApplication.translate("OrganizationDialog", u"\uc2dc\ubbfc\ucc38\uc5ec\ub2e8\uc744 \uc6b4\uc601\ud558\ub294 \uae30\uad00\uc744 \uc54c\ub824 \uc8fc\uc138\uc694. \uac1c\uc120 \ubcf4\uace0\uc11c \ud45c\uc9c0, \ud65c\ub3d9\ud655\uc778\uc11c, \ud604\uc7a5 \uc810\uac80\ud45c\uc5d0 \uc774 \uc815\ubcf4\uac00 \ub4e4\uc5b4\uac11\ub2c8\ub2e4.", None))
        self.nameLabel.setText(QCoreApplication.translate("OrganizationDialog", u"\uae30\uad00\uba85 *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"\uc608: \ud55c\ube5b\uc2dc\uc124\uad00\ub9ac\uacf5\ub2e8", None))
        self.addressLabel.setText(QCoreApplication.translate("OrganizationDialog", u"\uc8fc\uc18c", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"\uc608: \ud55c\ube5b\uc2dc \uc911\uad6c \uacf5\ub2e8\ub85c 25", None))
        self.phoneLabel.setText(QCoreApplication.translate("OrganizationDialog", u"\ub300\ud45c \uc804\ud654", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"\uc608: 042-610-1000", None))
        self.logoCaption.setText(QCoreApplication.translate("OrganizationDialog", u"\ub85c\uace0", None))
        self.logoPreview.setText(QCoreApplication.translate("OrganizationDialog", u"\uc5c6\uc74c", None))
        self.logoButton.setText(QCoreApplication.translate("OrganizationDialog", u"\uadf8\ub9bc \uace0\ub974\uae30\u2026", None))
        self.logoClearButton.setText(QCoreApplication.translate("OrganizationDialog", u"\ub85c\uace0 \uc9c0\uc6b0\uae30", None))
        self.logoHint.setProperty(u"tone", QCoreApplication.translate("OrganizationDialog", u"hint", None))
        self.logoHint.setText(QCoreApplication.translate("OrganizationDialog", u"PNG \ub610\ub294 JPEG, 2 MB \uc774\ud558. \ubcf4\uace0\uc11c \ud45c\uc9c0\uc758 \uae30\uad00\uba85 \uc606\uc5d0 \ub4e4\uc5b4\uac11\ub2c8\ub2e4.", None))
        self.signoffLabel.setText(QCoreApplication.translate("OrganizationDialog", u"\uacb0\uc7ac\ub780", None))
        self.signoffEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"\uc608: \ub2f4\ub2f9, \ud300\uc7a5, \ubd80\uc7a5, \uc774\uc0ac\uc7a5", None))
        self.signoffPreview.setProperty(u"tone", QCoreApplication.translate("OrganizationDialog", u"hint", None))
        self.signoffPreview.setText(QCoreApplication.translate("OrganizationDialog", u"\uc778\uc1c4\ubb3c\uc758 \uacb0\uc7ac\ub780\uc5d0 \uc67c\ucabd\ubd80\ud130 \ub4e4\uc5b4\uac08 \uc9c1\uc704\ub97c \uc27c\ud45c\ub85c \ub098\ub220 \uc801\uc2b5\ub2c8\ub2e4(1~6\uce78). \ube44\uc6cc \ub450\uba74 \uacb0\uc7ac\ub780\uc744 \ub123\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4.", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("OrganizationDialog", u"error", None))
    # retranslateUi

