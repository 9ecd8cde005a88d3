# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QTimeEdit,
    QVBoxLayout, QWidget)

class Ui_EventDialog(object):
    def setupUi(self, EventDialog):
        if not EventDialog.objectName():
            EventDialog.setObjectName(u"EventDialog")
        EventDialog.resize(460, 400)
        self.mainLayout = QVBoxLayout(EventDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.kindLabel = QLabel(EventDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(EventDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.titleLabel = QLabel(EventDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(EventDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.dateLabel = QLabel(EventDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(EventDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.startLabel = QLabel(EventDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startRow = QHBoxLayout()
        self.startRow.setObjectName(u"startRow")
        self.timeCheck = QCheckBox(EventDialog)
        self.timeCheck.setObjectName(u"timeCheck")

        self.startRow.addWidget(self.timeCheck)

        self.timeEdit = QTimeEdit(EventDialog)
        self.timeEdit.setObjectName(u"timeEdit")
        self.timeEdit.setEnabled(False)

        self.startRow.addWidget(self.timeEdit)

        self.startSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.startRow.addItem(self.startSpacer)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.startRow)

        self.hoursLabel = QLabel(EventDialog)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursSpin = QDoubleSpinBox(EventDialog)
        self.hoursSpin.setObjectName(u"hoursSpin")
        self.hoursSpin.setDecimals(1)
        self.hoursSpin.setMinimum(0.500000000000000)
        self.hoursSpin.setMaximum(24.000000000000000)
        self.hoursSpin.setSingleStep(0.500000000000000)
        self.hoursSpin.setValue(2.000000000000000)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.hoursSpin)

        self.locationLabel = QLabel(EventDialog)
        self.locationLabel.setObjectName(u"locationLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(EventDialog)
        self.locationEdit.setObjectName(u"locationEdit")
        self.locationEdit.setMaxLength(200)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.notesLabel = QLabel(EventDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(EventDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.form)

        self.hintLabel = QLabel(EventDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(EventDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(EventDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.startLabel.setBuddy(self.timeEdit)
        self.hoursLabel.setBuddy(self.hoursSpin)
        self.locationLabel.setBuddy(self.locationEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.timeCheck)
        QWidget.setTabOrder(self.timeCheck, self.timeEdit)
        QWidget.setTabOrder(self.timeEdit, self.hoursSpin)
        QWidget.setTabOrder(self.hoursSpin, self.locationEdit)
        QWidget.setTabOrder(self.locationEdit, self.notesEdit)

        self.retranslateUi(EventDialog)
        self.timeCheck.toggled.connect(self.timeEdit.setEnabled)

        QMetaObject.connectSlotsByName(EventDialog)
    # setupUi

    def retranslateUi(self, EventDialog):
        EventDialog.setWindowTitle(QCoreApplication.translate("EventDialog", u"\ud589\uc0ac", None))
        self.kindLabel.setText(QCoreApplication.translate("EventDialog", u"\uad6c\ubd84", None))
        self.titleLabel.setText(QCoreApplication.translate("EventDialog", u"\uc81c\ubaa9", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"\uc608: \uc2dc\uc124 \uc548\uc804\uc810\uac80 \uae30\ubcf8 \uad50\uc721", None))
        self.dateLabel.setText(QCoreApplication.translate("EventDialog", u"\ub0a0\uc9dc", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("EventDialog", u"yyyy-MM-dd", None))
        self.startLabel.setText(QCoreApplication.translate("EventDialog", u"\uc2dc\uc791 \uc2dc\uac01", None))
        self.timeCheck.setText(QCoreApplication.translate("EventDialog", u"\uc9c0\uc815", None))
        self.timeEdit.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.hoursLabel.setText(QCoreApplication.translate("EventDialog", u"\uc778\uc815 \uc2dc\uac04", None))
#if QT_CONFIG(tooltip)
        self.hoursSpin.setToolTip(QCoreApplication.translate("EventDialog", u"\ucd9c\uc11d\ud55c \ub2e8\uc6d0\uc5d0\uac8c \uc778\uc815\ub418\ub294 \ud65c\ub3d9 \uc2dc\uac04 (30\ubd84 \ub2e8\uc704)", None))
#endif // QT_CONFIG(tooltip)
        self.hoursSpin.setSuffix(QCoreApplication.translate("EventDialog", u" \uc2dc\uac04", None))
        self.locationLabel.setText(QCoreApplication.translate("EventDialog", u"\uc7a5\uc18c", None))
        self.locationEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"\uc608: \ubcf8\uad00 3\uce35 \ub300\ud68c\uc758\uc2e4", None))
        self.notesLabel.setText(QCoreApplication.translate("EventDialog", u"\uba54\ubaa8", None))
        self.hintLabel.setProperty(u"tone", QCoreApplication.translate("EventDialog", u"hint", None))
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("EventDialog", u"error", None))
    # retranslateUi

