; The Windows installer for Lasting Home (Inno Setup 6). packaging\windows\build.ps1 runs it as
;   ISCC /DAppVersion=0.1.0 /DSourceDir=...\dist\lasting-home /DOutputDir=...\dist [/DSign ...]
; after PyInstaller has built (and signtool has signed) dist\lasting-home.
;
; It installs for every user of the laptop into Program Files (administrators only can change
; it there), adds Lasting Home to the Start menu, and can be run silently by Intune or
; Configuration Manager:
;   LastingHome-VERSION-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /SP-
; Uninstalling removes the program only: each worker's data folder
; (%LOCALAPPDATA%\LastingHome, or the folder they chose) is never touched.

#ifndef AppVersion
  #error Run packaging\windows\build.ps1, or give /DAppVersion=... /DSourceDir=... /DOutputDir=...
#endif

[Setup]
; The same AppId in every release, so a new version upgrades the old one in place. Never change it.
AppId={{B99D2B76-003C-4F70-ABA5-148A0A6EE6C9}
AppName=Lasting Home
AppVersion={#AppVersion}
AppVerName=Lasting Home {#AppVersion}
AppPublisher=Lasting Home Desktop
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Lasting Home
DefaultGroupName=Lasting Home
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=LastingHome-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Lasting Home
UninstallDisplayIcon={app}\LastingHome.exe
; A running Lasting Home is asked to close first, as at signing out.
CloseApplications=yes
RestartApplications=no
#ifdef Sign
SignTool=lastinghome
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Put Lasting Home on the desktop"; Flags: unchecked

[InstallDelete]
; A new version replaces the whole program folder, so nothing of an older one is left to load.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Lasting Home"; Filename: "{app}\LastingHome.exe"; Comment: "Lasting Home"
Name: "{autodesktop}\Lasting Home"; Filename: "{app}\LastingHome.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\LastingHome.exe"; Description: "Open Lasting Home now"; Flags: nowait postinstall skipifsilent
