; Inno Setup script of the Windows installer: a per-user install, no administrator rights.
; Build it on Windows after the bundle (README: 배포본 만들기 → Windows 설치 파일):
;     pyinstaller --noconfirm build.spec          (dist\panelapp\)
;     iscc packaging\windows\panelapp.iss         (dist\panelapp-setup-<version>.exe)
; Signed:  iscc /DSign "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f" packaging\windows\panelapp.iss
; Needs Inno Setup 6.5 or newer (Korean.isl is among its official translations).
; The names below are those of packaging/bundle_layout.py and build.spec;
; tests/test_packaging_windows.py fails when they drift apart.

#if VER < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 이상이 필요합니다 (Korean.isl)
#endif

#define AppName "시민참여단 활동관리"
#define AppExe "panelapp.exe"
#define CliExe "panelapp-cli.exe"
#define Contents "_internal"
#define Bundle AddBackslash(SourcePath) + "..\..\dist\panelapp"

; The version comes from the bundle: build.spec writes pyproject's version into panelapp.exe's
; version resource. /DAppVersion=... overrides it.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(Bundle + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\panelapp\panelapp.exe가 없거나 버전 정보가 없습니다: 먼저 pyinstaller build.spec으로 번들을 만드세요.
#endif
; Windows' four numbers (1.2rc1 -> 1.2.0.0) for the setup program's own version resource
#define AppVersionNumbers GetVersionNumbersString(Bundle + "\" + AppExe)

#ifdef Sign
  #define SignFlag "sign"
#else
  #define SignFlag ""
#endif

[Setup]
; One AppId for every version: a new installer finds the installed one and upgrades it in place
; (same folder, same start-menu entry, one entry in 설정 → 앱). Never change it.
AppId={{5A54DCD3-BDCB-4C21-AC65-831BF62B6BFA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=panelapp
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 설치
; Per user: no UAC prompt, nothing outside the user's profile. {autopf} is then
; %LOCALAPPDATA%\Programs, and {autoprograms} the user's own start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\panelapp
; an upgrade keeps the folder chosen the first time and does not ask again
UsePreviousAppDir=yes
DisableDirPage=auto
DisableProgramGroupPage=yes
; The window holds this mutex while it runs (panelapp/gui/app.py): setup and the uninstaller
; refuse to go on until it is closed. Restart Manager also asks to close panelapp-cli.exe.
AppMutex=panelapp-app-running
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icons\panelapp.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=panelapp-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ShowLanguageDialog=no
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Upgrading in place: the previous version's libraries go first, so no module of an older
; release is left beside the new ones. Only the program folder; user data lives elsewhere.
Type: filesandordirs; Name: "{app}\{#Contents}"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "{#Bundle}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "{#Bundle}\{#Contents}\*"; DestDir: "{app}\{#Contents}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "기수·참여단원·출석·시설 점검·개선 보고서 관리"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code]: the uninstaller removes only what setup installed, in
; the program folder. The database, backups, attachments and settings stay in
; %LOCALAPPDATA%\panelapp\panelapp (platformdirs; or PANELAPP_HOME), and a shared PostgreSQL
; database is never touched.
