; Inno Setup 6 script: the Windows installer for the frozen app in dist\Laneway.
;
;   python packaging\build_app.py
;   iscc /DAppVersion=0.1.0 packaging\windows\laneway.iss      -> dist\Laneway-0.1.0-setup.exe
;
; It installs per user by default (no administrator needed; the user may choose all users),
; adds a Start menu entry, optionally a desktop icon, and registers .laneway maps with
; Laneway and its icon, so that double-clicking a map opens it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z laneway.iss
#endif
#define AppName "Laneway"
#define AppExe "Laneway.exe"
#define ProgId "Laneway.Map"
#define Dist "..\..\dist"

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{68456F89-C67C-57C4-A38E-5D29950414B1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Laneway
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#Dist}
OutputBaseFilename=Laneway-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\laneway.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Dist}\Laneway\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .laneway -> Laneway.Map, its icon and its open command ({autoprogids}: HKCU for a per-user
; install, HKLM for all users).
Root: HKA; Subkey: "Software\Classes\.laneway"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.laneway\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Laneway map"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".laneway"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
