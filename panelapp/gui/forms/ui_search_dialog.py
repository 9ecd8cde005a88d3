# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'search_dialog.ui'
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
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_SearchDialog(object):
    def setupUi(self, SearchDialog):
        if not SearchDialog.objectName():
            SearchDialog.setObjectName(u"SearchDialog")
        SearchDialog.resize(760, 520)
        self.mainLayout = QVBoxLayout(SearchDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.searchEdit = QLineEdit(SearchDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.mainLayout.addWidget(self.searchEdit)

        self.statusLabel = QLabel(SearchDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.resultTree = QTreeWidget(SearchDialog)
        self.resultTree.setObjectName(u"resultTree")
        self.resultTree.setRootIsDecorated(False)
        self.resultTree.setUniformRowHeights(True)
        self.resultTree.setColumnCount(2)

        self.mainLayout.addWidget(self.resultTree)

        self.buttonBox = QDialogButtonBox(SearchDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close|QDialogButtonBox.Open)

        self.mainLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.searchEdit, self.resultTree)

        self.retranslateUi(SearchDialog)

        QMetaObject.connectSlotsByName(SearchDialog)
    # setupUi

    def retranslateUi(self, SearchDialog):
        SearchDialog.setWindowTitle(QCoreApplication.translate("SearchDialog", u"\ud1b5\ud569 \uac80\uc0c9", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("SearchDialog", u"\uac80\uc0c9\uc5b4", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("SearchDialog", u"\ub2e8\uc6d0 \uc774\ub984\u00b7\ub3d9\ub124\u00b7\uc804\ud654 \ub05d 4\uc790\ub9ac, \uc2dc\uc124, \ubc1c\uacac\uc0ac\ud56d, \uac1c\uc120\uc81c\uc548, \uc88b\uc544\uc694\u00b7\uc544\uc26c\uc6cc\uc694 \ub0b4\uc6a9", None))
        self.statusLabel.setProperty(u"tone", QCoreApplication.translate("SearchDialog", u"hint", None))
        ___qtreewidgetitem = self.resultTree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("SearchDialog", u"\ub0b4\uc6a9", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("SearchDialog", u"\uc81c\ubaa9", None))
#if QT_CONFIG(accessibility)
        self.resultTree.setAccessibleName(QCoreApplication.translate("SearchDialog", u"\uac80\uc0c9 \uacb0\uacfc", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

