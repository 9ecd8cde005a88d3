# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        ReportDialog.resize(620, 640)
        self.mainLayout = QVBoxLayout(ReportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ReportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.cohortLabel = QLabel(ReportDialog)
        self.cohortLabel.setObjectName(u"cohortLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cohortLabel)

        self.cohortCombo = QComboBox(ReportDialog)
        self.cohortCombo.setObjectName(u"cohortCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cohortCombo)

        self.periodLabel = QLabel(ReportDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodRow = QHBoxLayout()
        self.periodRow.setObjectName(u"periodRow")
        self.fromEdit = QDateEdit(ReportDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.periodRow.addWidget(self.fromEdit)

        self.tildeLabel = QLabel(ReportDialog)
        self.tildeLabel.setObjectName(u"tildeLabel")

        self.periodRow.addWidget(self.tildeLabel)

        self.toEdit = QDateEdit(ReportDialog)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setCalendarPopup(True)

        self.periodRow.addWidget(self.toEdit)

        self.termButton = QPushButton(ReportDialog)
        self.termButton.setObjectName(u"termButton")

        self.periodRow.addWidget(self.termButton)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRow.addItem(self.periodSpacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.periodRow)

        self.facilitiesLabel = QLabel(ReportDialog)
        self.facilitiesLabel.setObjectName(u"facilitiesLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.facilitiesLabel)

        self.facilitiesBox = QVBoxLayout()
        self.facilitiesBox.setObjectName(u"facilitiesBox")
        self.facilityChoiceRow = QHBoxLayout()
        self.facilityChoiceRow.setObjectName(u"facilityChoiceRow")
        self.allFacilitiesRadio = QRadioButton(ReportDialog)
        self.allFacilitiesRadio.setObjectName(u"allFacilitiesRadio")
        self.allFacilitiesRadio.setChecked(True)

        self.facilityChoiceRow.addWidget(self.allFacilitiesRadio)

        self.someFacilitiesRadio = QRadioButton(ReportDialog)
        self.someFacilitiesRadio.setObjectName(u"someFacilitiesRadio")

        self.facilityChoiceRow.addWidget(self.someFacilitiesRadio)

        self.facilitySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.facilityChoiceRow.addItem(self.facilitySpacer)


        self.facilitiesBox.addLayout(self.facilityChoiceRow)

        self.facilityList = QListWidget(ReportDialog)
        self.facilityList.setObjectName(u"facilityList")
        self.facilityList.setMinimumSize(QSize(0, 110))

        self.facilitiesBox.addWidget(self.facilityList)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.facilitiesBox)

        self.sectionsLabel = QLabel(ReportDialog)
        self.sectionsLabel.setObjectName(u"sectionsLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sectionsLabel)

        self.sectionsGrid = QGridLayout()
        self.sectionsGrid.setObjectName(u"sectionsGrid")
        self.summaryCheck = QCheckBox(ReportDialog)
        self.summaryCheck.setObjectName(u"summaryCheck")
        self.summaryCheck.setChecked(True)

        self.sectionsGrid.addWidget(self.summaryCheck, 0, 0, 1, 1)

        self.facilitiesCheck = QCheckBox(ReportDialog)
        self.facilitiesCheck.setObjectName(u"facilitiesCheck")
        self.facilitiesCheck.setChecked(True)

        self.sectionsGrid.addWidget(self.facilitiesCheck, 0, 1, 1, 1)

        self.proposalsCheck = QCheckBox(ReportDialog)
        self.proposalsCheck.setObjectName(u"proposalsCheck")
        self.proposalsCheck.setChecked(True)

        self.sectionsGrid.addWidget(self.proposalsCheck, 1, 0, 1, 1)

        self.feedbackCheck = QCheckBox(ReportDialog)
        self.feedbackCheck.setObjectName(u"feedbackCheck")
        self.feedbackCheck.setChecked(True)

        self.sectionsGrid.addWidget(self.feedbackCheck, 1, 1, 1, 1)

        self.appendixCheck = QCheckBox(ReportDialog)
        self.appendixCheck.setObjectName(u"appendixCheck")
        self.appendixCheck.setChecked(True)

        self.sectionsGrid.addWidget(self.appendixCheck, 2, 0, 1, 1)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.sectionsGrid)

        self.photosLabel = QLabel(ReportDialog)
        self.photosLabel.setObjectName(u"photosLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.photosLabel)

        self.photosRow = QHBoxLayout()
        self.photosRow.setObjectName(u"photosRow")
        self.photosCheck = QCheckBox(ReportDialog)
        self.photosCheck.setObjectName(u"photosCheck")
        self.photosCheck.setChecked(True)

        self.photosRow.addWidget(self.photosCheck)

        self.maxPhotosSpin = QSpinBox(ReportDialog)
        self.maxPhotosSpin.setObjectName(u"maxPhotosSpin")
        self.maxPhotosSpin.setMinimum(1)
        self.maxPhotosSpin.setMaximum(6)
        self.maxPhotosSpin.setValue(2)

        self.photosRow.addWidget(self.maxPhotosSpin)

        self.photosSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photosRow.addItem(self.photosSpacer)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.photosRow)

        self.privacyLabel = QLabel(ReportDialog)
        self.privacyLabel.setObjectName(u"privacyLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.privacyLabel)

        self.privacyBox = QVBoxLayout()
        self.privacyBox.setObjectName(u"privacyBox")
        self.purposeEdit = QLineEdit(ReportDialog)
        self.purposeEdit.setObjectName(u"purposeEdit")
        self.purposeEdit.setMaxLength(200)

        self.privacyBox.addWidget(self.purposeEdit)

        self.privacyHint = QLabel(ReportDialog)
        self.privacyHint.setObjectName(u"privacyHint")
        self.privacyHint.setWordWrap(True)

        self.privacyBox.addWidget(self.privacyHint)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.privacyBox)

        self.pdfLabel = QLabel(ReportDialog)
        self.pdfLabel.setObjectName(u"pdfLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.pdfLabel)

        self.pdfRow = QHBoxLayout()
        self.pdfRow.setObjectName(u"pdfRow")
        self.pdfPathEdit = QLineEdit(ReportDialog)
        self.pdfPathEdit.setObjectName(u"pdfPathEdit")

        self.pdfRow.addWidget(self.pdfPathEdit)

        self.browseButton = QPushButton(ReportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.pdfRow.addWidget(self.browseButton)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.pdfRow)

        self.xlsxCheck = QCheckBox(ReportDialog)
        self.xlsxCheck.setObjectName(u"xlsxCheck")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.xlsxCheck)

        self.officeLabel = QLabel(ReportDialog)
        self.officeLabel.setObjectName(u"officeLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.officeLabel)

        self.officeRow = QHBoxLayout()
        self.officeRow.setObjectName(u"officeRow")
        self.hwpxCheck = QCheckBox(ReportDialog)
        self.hwpxCheck.setObjectName(u"hwpxCheck")

        self.officeRow.addWidget(self.hwpxCheck)

        self.docxCheck = QCheckBox(ReportDialog)
        self.docxCheck.setObjectName(u"docxCheck")

        self.officeRow.addWidget(self.docxCheck)

        self.officeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.officeRow.addItem(self.officeSpacer)


        self.form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.officeRow)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(ReportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.cohortLabel.setBuddy(self.cohortCombo)
        self.periodLabel.setBuddy(self.fromEdit)
        self.facilitiesLabel.setBuddy(self.facilityList)
        self.photosLabel.setBuddy(self.maxPhotosSpin)
        self.privacyLabel.setBuddy(self.purposeEdit)
        self.pdfLabel.setBuddy(self.pdfPathEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportDialog)

        QMetaObject.connectSlotsByName(ReportDialog)
    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"\uac1c\uc120 \ubcf4\uace0\uc11c \ub9cc\ub4e4\uae30", None))
        self.introLabel.setText(QCoreApplication.translate("ReportDialog", u"\uc6b4\uc601\uc704\uc6d0\ud68c\u00b7\uc774\uc0ac\ud68c\uc5d0 \ubcf4\uace0\ud560 \uac1c\uc120 \ubcf4\uace0\uc11c(PDF)\ub97c \ub9cc\ub4ed\ub2c8\ub2e4. \ud45c\uc9c0, \uc694\uc57d\uacfc \uadf8\ub798\ud504, \uc2dc\uc124\ubcc4 \uc810\uac80 \uacb0\uacfc, \uac1c\uc120\uc81c\uc548 \ubaa9\ub85d(\uc644\ub8cc\ub41c \uc81c\uc548\uc758 \uac1c\uc120 \uc804\u00b7\ud6c4 \uc0ac\uc9c4), \uc88b\uc544\uc694\u00b7\uc544\uc26c\uc6cc\uc694, \ud65c\ub3d9\u00b7\ucd9c\uc11d \ubd80\ub85d\uc73c\ub85c \uad6c\uc131\ub429\ub2c8\ub2e4.", None))
        self.cohortLabel.setText(QCoreApplication.translate("ReportDialog", u"\uae30\uc218", None))
        self.periodLabel.setText(QCoreApplication.translate("ReportDialog", u"\ubcf4\uace0 \uae30\uac04", None))
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"yyyy-MM-dd", None))
        self.tildeLabel.setText(QCoreApplication.translate("ReportDialog", u"~", None))
#if QT_CONFIG(accessibility)
        self.toEdit.setAccessibleName(QCoreApplication.translate("ReportDialog", u"\uae30\uac04 \ub05d \ub0a0\uc9dc", None))
#endif // QT_CONFIG(accessibility)
        self.toEdit.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"yyyy-MM-dd", None))
        self.termButton.setText(QCoreApplication.translate("ReportDialog", u"\uae30\uc218 \ud65c\ub3d9 \uae30\uac04 \uc804\uccb4", None))
        self.facilitiesLabel.setText(QCoreApplication.translate("ReportDialog", u"\uc2dc\uc124", None))
        self.allFacilitiesRadio.setText(QCoreApplication.translate("ReportDialog", u"\uc804\uccb4 \uc2dc\uc124", None))
        self.someFacilitiesRadio.setText(QCoreApplication.translate("ReportDialog", u"\uace0\ub978 \uc2dc\uc124\ub9cc", None))
        self.sectionsLabel.setText(QCoreApplication.translate("ReportDialog", u"\uc218\ub85d \ub0b4\uc6a9", None))
        self.summaryCheck.setText(QCoreApplication.translate("ReportDialog", u"\uc694\uc57d\uacfc \uadf8\ub798\ud504", None))
        self.facilitiesCheck.setText(QCoreApplication.translate("ReportDialog", u"\uc2dc\uc124\ubcc4 \uc810\uac80 \uacb0\uacfc", None))
        self.proposalsCheck.setText(QCoreApplication.translate("ReportDialog", u"\uac1c\uc120\uc81c\uc548 \ubaa9\ub85d", None))
        self.feedbackCheck.setText(QCoreApplication.translate("ReportDialog", u"\uc88b\uc544\uc694\u00b7\uc544\uc26c\uc6cc\uc694 (\uc2dc\ubbfc \uc758\uacac)", None))
#if QT_CONFIG(tooltip)
        self.feedbackCheck.setToolTip(QCoreApplication.translate("ReportDialog", u"\uc2dc\uc124\ubcc4 \uc88b\uc544\uc694\u00b7\uc544\uc26c\uc6cc\uc694 \uac74\uc218\uc640 \uc758\uacac\uc774 \uc774\uc5b4\uc9c4 \uac1c\uc120\uc81c\uc548", None))
#endif // QT_CONFIG(tooltip)
        self.appendixCheck.setText(QCoreApplication.translate("ReportDialog", u"\ubd80\ub85d: \ud65c\ub3d9\u00b7\ucd9c\uc11d", None))
        self.photosLabel.setText(QCoreApplication.translate("ReportDialog", u"\uc0ac\uc9c4", None))
        self.photosCheck.setText(QCoreApplication.translate("ReportDialog", u"\ubc1c\uacac\uc0ac\ud56d \uc0ac\uc9c4 \ub123\uae30, \ubc1c\uacac\uc0ac\ud56d\ub9c8\ub2e4 \ucd5c\ub300", None))
        self.maxPhotosSpin.setSuffix(QCoreApplication.translate("ReportDialog", u"\uc7a5", None))
        self.privacyLabel.setText(QCoreApplication.translate("ReportDialog", u"\uac1c\uc778\uc815\ubcf4", None))
        self.purposeEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"\uc774\ub984\uc744 \uadf8\ub300\ub85c \uc2e4\uc744 \ubaa9\uc801 (\uc608: \uc6b4\uc601\uc704\uc6d0\ud68c \ud65c\ub3d9 \uc6b0\uc218 \ub2e8\uc6d0 \ud655\uc778)", None))
        self.privacyHint.setProperty(u"tone", QCoreApplication.translate("ReportDialog", u"hint", None))
        self.pdfLabel.setText(QCoreApplication.translate("ReportDialog", u"\uc800\uc7a5\ud560 \ud30c\uc77c", None))
        self.browseButton.setText(QCoreApplication.translate("ReportDialog", u"\ucc3e\uc544\ubcf4\uae30\u2026", None))
        self.xlsxCheck.setText(QCoreApplication.translate("ReportDialog", u"\uac19\uc740 \ub0b4\uc6a9\uc744 \uc5d1\uc140(.xlsx) \ud30c\uc77c\ub85c\ub3c4 \uc800\uc7a5", None))
        self.officeLabel.setText(QCoreApplication.translate("ReportDialog", u"\ubcf4\uace0 \ubb38\uc11c", None))
        self.hwpxCheck.setText(QCoreApplication.translate("ReportDialog", u"\ud55c\uae00 \ubb38\uc11c(.hwpx)", None))
#if QT_CONFIG(tooltip)
        self.hwpxCheck.setToolTip(QCoreApplication.translate("ReportDialog", u"\uc6b4\uc601\uc704\uc6d0\ud68c\u00b7\uc774\uc0ac\ud68c\uc5d0 \uc62c\ub9b4 \uac1c\uc870\uc2dd \ubcf4\uace0 \ubb38\uc11c\ub97c \ud55c\uae00\uc5d0\uc11c \uace0\uccd0 \uc4f8 \uc218 \uc788\uac8c \uc800\uc7a5\ud569\ub2c8\ub2e4 (PDF\u00b7\uc5d1\uc140\uc740 \ubd99\uc784)", None))
#endif // QT_CONFIG(tooltip)
        self.docxCheck.setText(QCoreApplication.translate("ReportDialog", u"Word(.docx)", None))
#if QT_CONFIG(tooltip)
        self.docxCheck.setToolTip(QCoreApplication.translate("ReportDialog", u"\uac19\uc740 \ubcf4\uace0 \ubb38\uc11c\ub97c Word \ud30c\uc77c\ub85c\ub3c4 \uc800\uc7a5\ud569\ub2c8\ub2e4", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setProperty(u"tone", QCoreApplication.translate("ReportDialog", u"error", None))
    # retranslateUi

