# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(760, 480)
        self.mainLayout = QVBoxLayout(BackupDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderTitle = QLabel(BackupDialog)
        self.folderTitle.setObjectName(u"folderTitle")

        self.folderRow.addWidget(self.folderTitle)

        self.folderLabel = QLabel(BackupDialog)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.folderLabel.sizePolicy().hasHeightForWidth())
        self.folderLabel.setSizePolicy(sizePolicy)

        self.folderRow.addWidget(self.folderLabel)

        self.changeFolderButton = QPushButton(BackupDialog)
        self.changeFolderButton.setObjectName(u"changeFolderButton")

        self.folderRow.addWidget(self.changeFolderButton)

        self.openFolderButton = QPushButton(BackupDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.folderRow.addWidget(self.openFolderButton)


        self.mainLayout.addLayout(self.folderRow)

        self.ruleLabel = QLabel(BackupDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.ruleLabel)

        self.table = QTableWidget(BackupDialog)
        if (self.table.columnCount() < 4):
            self.table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        self.statusLabel = QLabel(BackupDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.backupButton = QPushButton(BackupDialog)
        self.backupButton.setObjectName(u"backupButton")

        self.buttonRow.addWidget(self.backupButton)

        self.restoreButton = QPushButton(BackupDialog)
        self.restoreButton.setObjectName(u"restoreButton")
        self.restoreButton.setEnabled(False)

        self.buttonRow.addWidget(self.restoreButton)

        self.restoreFileButton = QPushButton(BackupDialog)
        self.restoreFileButton.setObjectName(u"restoreFileButton")

        self.buttonRow.addWidget(self.restoreFileButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(BackupDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(BackupDialog)

        QMetaObject.connectSlotsByName(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"\ubc31\uc5c5\u00b7\ubcf5\uc6d0", None))
        self.folderTitle.setText(QCoreApplication.translate("BackupDialog", u"\ubc31\uc5c5 \ud3f4\ub354", None))
        self.folderTitle.setStyleSheet(QCoreApplication.translate("BackupDialog", u"font-weight: bold;", None))
        self.changeFolderButton.setText(QCoreApplication.translate("BackupDialog", u"\ud3f4\ub354 \ubc14\uafb8\uae30\u2026", None))
#if QT_CONFIG(tooltip)
        self.changeFolderButton.setToolTip(QCoreApplication.translate("BackupDialog", u"\ubc31\uc5c5\uc744 \ub458 \ud3f4\ub354\ub97c \uace0\ub985\ub2c8\ub2e4 (\uc608: \ub124\ud2b8\uc6cc\ud06c \ub4dc\ub77c\uc774\ube0c)", None))
#endif // QT_CONFIG(tooltip)
        self.openFolderButton.setText(QCoreApplication.translate("BackupDialog", u"\ud3f4\ub354 \uc5f4\uae30", None))
        self.ruleLabel.setProperty(u"tone", QCoreApplication.translate("BackupDialog", u"hint", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("BackupDialog", u"\ub9cc\ub4e0 \ub54c", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("BackupDialog", u"\uc885\ub958", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("BackupDialog", u"\ud06c\uae30", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("BackupDialog", u"\ud30c\uc77c", None))
        self.backupButton.setText(QCoreApplication.translate("BackupDialog", u"\uc9c0\uae08 \ubc31\uc5c5", None))
        self.restoreButton.setText(QCoreApplication.translate("BackupDialog", u"\uc120\ud0dd\ud55c \ubc31\uc5c5\uc73c\ub85c \ubcf5\uc6d0\u2026", None))
        self.restoreFileButton.setText(QCoreApplication.translate("BackupDialog", u"\ub2e4\ub978 \ud30c\uc77c\uc5d0\uc11c \ubcf5\uc6d0\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("BackupDialog", u"\ub2eb\uae30", None))
    # retranslateUi

