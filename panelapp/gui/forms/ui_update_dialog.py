# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'update_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTextBrowser, QVBoxLayout, QWidget)

class Ui_UpdateDialog(object):
    def setupUi(self, UpdateDialog):
        if not UpdateDialog.objectName():
            UpdateDialog.setObjectName(u"UpdateDialog")
        UpdateDialog.resize(560, 420)
        self.mainLayout = QVBoxLayout(UpdateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(UpdateDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.currentLabel = QLabel(UpdateDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentValue = QLabel(UpdateDialog)
        self.currentValue.setObjectName(u"currentValue")
        self.currentValue.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentValue)

        self.sourceLabel = QLabel(UpdateDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceRow = QHBoxLayout()
        self.sourceRow.setObjectName(u"sourceRow")
        self.sourceEdit = QLineEdit(UpdateDialog)
        self.sourceEdit.setObjectName(u"sourceEdit")
        self.sourceEdit.setClearButtonEnabled(True)

        self.sourceRow.addWidget(self.sourceEdit)

        self.browseButton = QPushButton(UpdateDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.sourceRow.addWidget(self.browseButton)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.sourceRow)

        self.atStartCheck = QCheckBox(UpdateDialog)
        self.atStartCheck.setObjectName(u"atStartCheck")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.atStartCheck)


        self.mainLayout.addLayout(self.form)

        self.checkButton = QPushButton(UpdateDialog)
        self.checkButton.setObjectName(u"checkButton")

        self.mainLayout.addWidget(self.checkButton)

        self.resultView = QTextBrowser(UpdateDialog)
        self.resultView.setObjectName(u"resultView")
        self.resultView.setOpenExternalLinks(False)

        self.mainLayout.addWidget(self.resultView)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.openFolderButton = QPushButton(UpdateDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonRow.addWidget(self.openFolderButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(UpdateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.buttonRow.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.sourceLabel.setBuddy(self.sourceEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sourceEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.atStartCheck)
        QWidget.setTabOrder(self.atStartCheck, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.resultView)
        QWidget.setTabOrder(self.resultView, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.buttonBox)

        self.retranslateUi(UpdateDialog)

        QMetaObject.connectSlotsByName(UpdateDialog)
    # setupUi

    def retranslateUi(self, UpdateDialog):
        UpdateDialog.setWindowTitle(QCoreApplication.translate("UpdateDialog", u"\uc5c5\ub370\uc774\ud2b8 \ud655\uc778", None))
        self.introLabel.setText(QCoreApplication.translate("UpdateDialog", u"\uc0c8 \ubc84\uc804\uc740 \uc804\uc0b0 \ub2f4\ub2f9\uc790\uac00 \uacf5\uc720 \ud3f4\ub354\ub098 \uae30\uad00 \ub0b4\ubd80\ub9dd\uc5d0 \uc62c\ub824 \ub461\ub2c8\ub2e4. \uadf8 \uc704\uce58\ub97c \uc801\uc73c\uba74 \uc0c8 \ubc84\uc804\uc774 \uc788\ub294\uc9c0, \ubb34\uc5c7\uc774 \ub2ec\ub77c\uc84c\ub294\uc9c0 \uc54c\ub824 \ub4dc\ub9bd\ub2c8\ub2e4. \uc778\ud130\ub137\uc5d0\ub294 \uc5f0\uacb0\ud558\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4.", None))
        self.currentLabel.setText(QCoreApplication.translate("UpdateDialog", u"\uc9c0\uae08 \ubc84\uc804", None))
        self.sourceLabel.setText(QCoreApplication.translate("UpdateDialog", u"\uc815\ubcf4 \ud30c\uc77c \uc704\uce58(&L)", None))
        self.sourceEdit.setPlaceholderText(QCoreApplication.translate("UpdateDialog", u"\uc608: \\\\server\\share\\panelapp \ub610\ub294 http://intranet/panelapp/", None))
        self.browseButton.setText(QCoreApplication.translate("UpdateDialog", u"\ud3f4\ub354 \ucc3e\uae30(&F)\u2026", None))
        self.atStartCheck.setText(QCoreApplication.translate("UpdateDialog", u"\ud504\ub85c\uadf8\ub7a8\uc744 \uc2dc\uc791\ud560 \ub54c \ud655\uc778(&S)", None))
        self.checkButton.setText(QCoreApplication.translate("UpdateDialog", u"\uc9c0\uae08 \ud655\uc778(&C)", None))
        self.openFolderButton.setText(QCoreApplication.translate("UpdateDialog", u"\uc124\uce58 \ud30c\uc77c \ud3f4\ub354 \uc5f4\uae30(&O)", None))
    # retranslateUi

