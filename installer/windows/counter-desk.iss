; Inno Setup 6 script (UTF-8 with BOM, so the Chinese text reads right): Windows 10/11 installer for the PyInstaller onedir build of desk-app.
;
; Build on Windows (x64, or ARM64 for ARM desks) after the PyInstaller build:
;   bash scripts/build-pyinstaller.sh            -> dist\pyinstaller\desk-app\
;   iscc /DAppVersion=0.1.0 /DArch=x64 installer\windows\counter-desk.iss
;   (Arch=arm64 on an ARM64 build)               -> dist\counter-desk-setup-0.1.0-x64.exe
; Signed release (installer\README.md, "Windows installer"): add /DSign=1 and define the
; sign tool "counterdesk" on the iscc command line with /S; the two executables, the setup
; and its uninstaller are then signed with signtool.
; Not compiled or run in CI (Linux): tests/installer/test_windows_installer.py checks that
; it agrees with the PyInstaller spec; compiling and installing are checked on Windows.
;
; Choices:
; - Per-machine install (Program Files, admin): a counter PC is shared by the clerks of a
;   window, and the machine config (window, center, bound devices) belongs to the machine:
;   %ProgramData%\CounterDesk\machine.toml, passed to desk-app with --config by the shortcuts.
;   Clerks may edit it (device binding by a technician signed in as a clerk).
; - Uninstall keeps data by default: the clerks' data, unsent outbox and logs live in each
;   user's %LOCALAPPDATA%\CounterDesk (never touched here), and the machine config folder is
;   kept unless the technician answers "yes" to deleting it (silent uninstall: kept).
; - Chinese wizard: compiler:Languages\ChineseSimplified.isl ships with recent Inno Setup 6;
;   on older versions copy it from https://jrsoftware.org/files/istrans/ into Languages.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Arch
  #define Arch "x64"
#endif
#define AppName "综窗受理台"
#define AppExe "desk-app.exe"
#define CliExe "desk-app-cli.exe"
#define MachineConfigDir "{commonappdata}\CounterDesk"
; Doubled quotes: Inno's own escape inside a quoted Parameters value.
#define ConfigArg '--config ""' + MachineConfigDir + '\machine.toml""'

[Setup]
; The AppId ties upgrades and uninstall together: never change it.
AppId={{6F1C2E0B-6C1E-4E5B-9F2A-3C0D2B7A41D5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Counter Desk
DefaultDirName={autopf}\CounterDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
#if Arch == "arm64"
ArchitecturesAllowed=arm64
ArchitecturesInstallIn64BitMode=arm64
#else
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
#endif
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=counter-desk-setup-{#AppVersion}-{#Arch}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
; The app may be running at a counter during an upgrade: ask to close it.
CloseApplications=yes
#ifdef Sign
; "counterdesk" is defined by iscc /S (see installer\README.md): signtool with the
; release certificate. Signing at compile time also signs Setup's temporary self-copies.
SignTool=counterdesk
SignedUninstaller=yes
#endif

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The two executables of the spec's EXE() calls, signed before they are packed when Sign is
; set; then everything else of the COLLECT folder (_internal\, with update-root.json).
#ifdef Sign
  #define ExeFlags "ignoreversion signonce"
#else
  #define ExeFlags "ignoreversion"
#endif
Source: "..\..\dist\pyinstaller\desk-app\{#AppExe}"; DestDir: "{app}"; Flags: {#ExeFlags}
Source: "..\..\dist\pyinstaller\desk-app\{#CliExe}"; DestDir: "{app}"; Flags: {#ExeFlags}
Source: "..\..\dist\pyinstaller\desk-app\*"; Excludes: "\{#AppExe},\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; Per-machine config folder, writable by the clerks' accounts, never removed by the
; uninstaller itself (see CurUninstallStepChanged for the technician's explicit choice).
Name: "{#MachineConfigDir}"; Permissions: users-modify; Flags: uninsneveruninstall

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "{#ConfigArg}"; WorkingDir: "{app}"; Comment: "政务服务综合窗口受理客户端"
Name: "{group}\{#AppName} 演示模式"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"; Comment: "内置演示中心与模拟设备，可完整体验一次受理"
Name: "{group}\设备检测"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#CliExe}"" {#ConfigArg} doctor"""; WorkingDir: "{app}"; Comment: "检查本机绑定的读卡器、打印机、高拍仪和扫描仪"
Name: "{group}\卸载 {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "{#ConfigArg}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "{#ConfigArg}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    // Default (and silent uninstall) answer is No: the machine config stays for a reinstall.
    if SuppressibleMsgBox('是否同时删除本机配置（窗口、受理中心地址、设备绑定）？' + #13#10 +
        ExpandConstant('{#MachineConfigDir}') + #13#10#13#10 +
        '各用户的办件数据和未发送的待发件不会被删除。',
        mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
      DelTree(ExpandConstant('{#MachineConfigDir}'), True, True, True);
  end;
end;
