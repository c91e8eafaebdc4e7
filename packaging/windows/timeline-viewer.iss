; Inno Setup script: a per-user installer (no administrator rights) for the PyInstaller
; bundle. Built by .github/workflows/release.yml on Windows:
;   iscc /DVersion=0.1.0 /DBundle=build\dist\timeline-viewer packaging\windows\timeline-viewer.iss
#ifndef Version
  #define Version "0.0.0"
#endif
#ifndef Bundle
  #define Bundle "..\..\build\dist\timeline-viewer"
#endif

[Setup]
AppId={{6C1B5E52-2D0B-4E55-9B8A-7B0C5A7E3D11}
AppName=Timeline Viewer
AppVersion={#Version}
AppPublisher=Timeline Viewer developers
DefaultDirName={autopf}\Timeline Viewer
DefaultGroupName=Timeline Viewer
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=timeline-viewer-{#Version}-setup
OutputDir=..\..\build
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\timeline-viewer.exe
SetupIconFile=..\..\build\icons\timeline-viewer.ico
ArchitecturesInstallIn64BitMode=x64compatible
; The catalogs' own file type (.tlcat) opens in the app on a double-click
ChangesAssociations=yes

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Timeline Viewer"; Filename: "{app}\timeline-viewer.exe"
Name: "{group}\Uninstall Timeline Viewer"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Timeline Viewer"; Filename: "{app}\timeline-viewer.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
; .tlcat, the catalogs' file type, for this user (HKCU when installed without admin
; rights, HKLM with them: HKA picks); removed again by the uninstaller.
Root: HKA; Subkey: "Software\Classes\.tlcat"; ValueType: string; ValueName: ""; ValueData: "TimelineViewer.Catalog"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.tlcat"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-timeline-catalog"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\TimelineViewer.Catalog"; ValueType: string; ValueName: ""; ValueData: "Timeline catalog"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\TimelineViewer.Catalog\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\timeline-viewer.exe,0"
Root: HKA; Subkey: "Software\Classes\TimelineViewer.Catalog\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\timeline-viewer.exe"" ""%1"""

[Run]
Filename: "{app}\timeline-viewer.exe"; Description: "Start Timeline Viewer"; Flags: nowait postinstall skipifsilent

; The user's annotations (in %APPDATA%\timeline-viewer) are theirs: the uninstaller
; leaves them.
