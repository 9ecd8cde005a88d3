# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'connection_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_ConnectionDialog(object):
    def setupUi(self, ConnectionDialog):
        if not ConnectionDialog.objectName():
            ConnectionDialog.setObjectName(u"ConnectionDialog")
        ConnectionDialog.resize(620, 560)
        self.mainLayout = QVBoxLayout(ConnectionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ConnectionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.currentLabel = QLabel(ConnectionDialog)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.currentLabel)

        self.sqliteRadio = QRadioButton(ConnectionDialog)
        self.sqliteRadio.setObjectName(u"sqliteRadio")
        self.sqliteRadio.setChecked(True)

        self.mainLayout.addWidget(self.sqliteRadio)

        self.fileBox = QWidget(ConnectionDialog)
        self.fileBox.setObjectName(u"fileBox")
        self.fileForm = QFormLayout(self.fileBox)
        self.fileForm.setObjectName(u"fileForm")
        self.fileForm.setContentsMargins(0, 0, 0, 0)
        self.pathLabel = QLabel(self.fileBox)
        self.pathLabel.setObjectName(u"pathLabel")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.pathEdit = QLineEdit(self.fileBox)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathRow.addWidget(self.pathEdit)

        self.browseButton = QPushButton(self.fileBox)
        self.browseButton.setObjectName(u"browseButton")

        self.pathRow.addWidget(self.browseButton)


        self.fileForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.pathRow)


        self.mainLayout.addWidget(self.fileBox)

        self.serverRadio = QRadioButton(ConnectionDialog)
        self.serverRadio.setObjectName(u"serverRadio")

        self.mainLayout.addWidget(self.serverRadio)

        self.serverBox = QWidget(ConnectionDialog)
        self.serverBox.setObjectName(u"serverBox")
        self.serverForm = QFormLayout(self.serverBox)
        self.serverForm.setObjectName(u"serverForm")
        self.serverForm.setContentsMargins(0, 0, 0, 0)
        self.hostLabel = QLabel(self.serverBox)
        self.hostLabel.setObjectName(u"hostLabel")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(self.serverBox)
        self.hostEdit.setObjectName(u"hostEdit")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portLabel = QLabel(self.serverBox)
        self.portLabel.setObjectName(u"portLabel")

        self.serverForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portSpin = QSpinBox(self.serverBox)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.serverForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.databaseLabel = QLabel(self.serverBox)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.serverForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseEdit = QLineEdit(self.serverBox)
        self.databaseEdit.setObjectName(u"databaseEdit")

        self.serverForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.databaseEdit)

        self.userLabel = QLabel(self.serverBox)
        self.userLabel.setObjectName(u"userLabel")

        self.serverForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(self.serverBox)
        self.userEdit.setObjectName(u"userEdit")

        self.serverForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.passwordLabel = QLabel(self.serverBox)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.serverForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.serverBox)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.serverForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.tlsLabel = QLabel(self.serverBox)
        self.tlsLabel.setObjectName(u"tlsLabel")

        self.serverForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.tlsLabel)

        self.tlsCombo = QComboBox(self.serverBox)
        self.tlsCombo.setObjectName(u"tlsCombo")

        self.serverForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.tlsCombo)

        self.rememberCheck = QCheckBox(self.serverBox)
        self.rememberCheck.setObjectName(u"rememberCheck")
        self.rememberCheck.setChecked(True)

        self.serverForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.rememberCheck)

        self.keyringLabel = QLabel(self.serverBox)
        self.keyringLabel.setObjectName(u"keyringLabel")
        self.keyringLabel.setWordWrap(True)

        self.serverForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.keyringLabel)


        self.mainLayout.addWidget(self.serverBox)

        self.resultLabel = QLabel(ConnectionDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.resultLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ConnectionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.pathLabel.setBuddy(self.pathEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.databaseLabel.setBuddy(self.databaseEdit)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.tlsLabel.setBuddy(self.tlsCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sqliteRadio, self.pathEdit)
        QWidget.setTabOrder(self.pathEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.serverRadio)
        QWidget.setTabOrder(self.serverRadio, self.hostEdit)
        QWidget.setTabOrder(self.hostEdit, self.portSpin)
        QWidget.setTabOrder(self.portSpin, self.databaseEdit)
        QWidget.setTabOrder(self.databaseEdit, self.userEdit)
        QWidget.setTabOrder(self.userEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.tlsCombo)
        QWidget.setTabOrder(self.tlsCombo, self.rememberCheck)

        self.retranslateUi(ConnectionDialog)

        QMetaObject.connectSlotsByName(ConnectionDialog)
    # setupUi

    def retranslateUi(self, ConnectionDialog):
        ConnectionDialog.setWindowTitle(QCoreApplication.translate("ConnectionDialog", u"\ub370\uc774\ud130\ubca0\uc774\uc2a4 \uc5f0\uacb0", None))
        self.introLabel.setText(QCoreApplication.translate("ConnectionDialog", u"\uc774 \ucef4\ud4e8\ud130\uc5d0\uc11c \ud504\ub85c\uadf8\ub7a8\uc774 \uc5ec\ub294 \ub370\uc774\ud130\ubca0\uc774\uc2a4\ub97c \uace0\ub985\ub2c8\ub2e4. \uace0\ub978 \uc5f0\uacb0\uc740 \uc774 \ucef4\ud4e8\ud130\uc5d0\ub9cc \uc800\uc7a5\ub418\uace0, \ud504\ub85c\uadf8\ub7a8\uc744 --db \uc8fc\uc18c\ub098 PANELAPP_DB\ub85c \uc2dc\uc791\ud558\uba74 \uadf8\ucabd\uc774 \uba3c\uc800\uc785\ub2c8\ub2e4.", None))
        self.currentLabel.setProperty(u"tone", QCoreApplication.translate("ConnectionDialog", u"hint", None))
        self.sqliteRadio.setText(QCoreApplication.translate("ConnectionDialog", u"\uc774 \ucef4\ud4e8\ud130\uc758 \ub370\uc774\ud130\ubca0\uc774\uc2a4 \ud30c\uc77c (SQLite)(&L)", None))
        self.pathLabel.setText(QCoreApplication.translate("ConnectionDialog", u"\ud30c\uc77c(&F)", None))
        self.pathEdit.setPlaceholderText(QCoreApplication.translate("ConnectionDialog", u"\uc608: D:\\\uc2dc\ubbfc\ucc38\uc5ec\ub2e8\\panel.db", None))
        self.browseButton.setText(QCoreApplication.translate("ConnectionDialog", u"\ucc3e\uc544\ubcf4\uae30(&B)\u2026", None))
        self.serverRadio.setText(QCoreApplication.translate("ConnectionDialog", u"\uc0ac\ubb34\uc2e4 \uc11c\ubc84 (PostgreSQL)(&O)", None))
        self.hostLabel.setText(QCoreApplication.translate("ConnectionDialog", u"\uc11c\ubc84(&S)", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("ConnectionDialog", u"\uc608: 192.168.0.10 \ub610\ub294 db.example.go.kr", None))
        self.portLabel.setText(QCoreApplication.translate("ConnectionDialog", u"\ud3ec\ud2b8(&P)", None))
        self.databaseLabel.setText(QCoreApplication.translate("ConnectionDialog", u"\ub370\uc774\ud130\ubca0\uc774\uc2a4(&D)", None))
        self.databaseEdit.setPlaceholderText(QCoreApplication.translate("ConnectionDialog", u"\uc608: panel", None))
        self.userLabel.setText(QCoreApplication.translate("ConnectionDialog", u"\uc0ac\uc6a9\uc790(&U)", None))
        self.passwordLabel.setText(QCoreApplication.translate("ConnectionDialog", u"\ube44\ubc00\ubc88\ud638(&W)", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("ConnectionDialog", u"\uc11c\ubc84\uac00 \ube44\ubc00\ubc88\ud638\ub97c \ubb3b\uc9c0 \uc54a\uc73c\uba74 \ube44\uc6cc \ub461\ub2c8\ub2e4", None))
        self.tlsLabel.setText(QCoreApplication.translate("ConnectionDialog", u"\uc554\ud638\ud654(&T)", None))
        self.rememberCheck.setText(QCoreApplication.translate("ConnectionDialog", u"\ube44\ubc00\ubc88\ud638\ub97c \uc774 \ucef4\ud4e8\ud130\uc758 \ud0a4\ub9c1\uc5d0 \uc800\uc7a5(&K)", None))
        self.keyringLabel.setProperty(u"tone", QCoreApplication.translate("ConnectionDialog", u"hint", None))
    # retranslateUi

