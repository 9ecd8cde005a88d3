# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'team_dialog.ui'
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

class Ui_TeamDialog(object):
    def setupUi(self, TeamDialog):
        if not TeamDialog.objectName():
            TeamDialog.setObjectName(u"TeamDialog")
        TeamDialog.resize(480, 330)
        self.mainLayout = QVBoxLayout(TeamDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.cohortLabel = QLabel(TeamDialog)
        self.cohortLabel.setObjectName(u"cohortLabel")

        self.mainLayout.addWidget(self.cohortLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.nameLabel = QLabel(TeamDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(TeamDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.kindLabel = QLabel(TeamDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(TeamDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.leaderLabel = QLabel(TeamDialog)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.leaderLabel)

        self.leaderCombo = QComboBox(TeamDialog)
        self.leaderCombo.setObjectName(u"leaderCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.leaderCombo)

        self.descriptionLabel = QLabel(TeamDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(TeamDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(TeamDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TeamDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.leaderLabel.setBuddy(self.leaderCombo)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.leaderCombo)
        QWidget.setTabOrder(self.leaderCombo, self.descriptionEdit)

        self.retranslateUi(TeamDialog)

        QMetaObject.connectSlotsByName(TeamDialog)
    # setupUi

    def retranslateUi(self, TeamDialog):
        TeamDialog.setWindowTitle(QCoreApplication.translate("TeamDialog", u"\ub2e8", None))
        self.cohortLabel.setProperty(u"tone", QCoreApplication.translate("TeamDialog", u"hint", None))
        self.nameLabel.setText(QCoreApplication.translate("TeamDialog", u"\ub2e8 \uc774\ub984", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("TeamDialog", u"\uc608: \uc815\ucc45\ub3d9\ud589\ub2e8", None))
        self.kindLabel.setText(QCoreApplication.translate("TeamDialog", u"\uc885\ub958", None))
        self.leaderLabel.setText(QCoreApplication.translate("TeamDialog", u"\ub2e8\uc7a5", None))
#if QT_CONFIG(tooltip)
        self.leaderCombo.setToolTip(QCoreApplication.translate("TeamDialog", u"\uc774 \uae30\uc218\uc5d0\uc11c \ud65c\ub3d9 \uc911\uc778 \ub2e8\uc6d0 \uac00\uc6b4\ub370 \uace0\ub985\ub2c8\ub2e4", None))
#endif // QT_CONFIG(tooltip)
        self.descriptionLabel.setText(QCoreApplication.translate("TeamDialog", u"\uc124\uba85", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("TeamDialog", u"\uc608: \uc2dc\uc124 \uc810\uac80\uacfc \uac1c\uc120\uc81c\uc548", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("TeamDialog", u"error", None))
    # retranslateUi

