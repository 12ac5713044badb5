; trh's Windows installer (NSIS 3), made by .ci/windows/dist:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with trh.exe, trh.com, README.md, scorecards>
;            -DOUT=<setup.exe> assets/windows/installer.nsi
; A per-user install that needs no administrator rights: the program goes under the user's own
; programs folder (%LOCALAPPDATA%\Programs\trh), with a Start menu entry, an uninstaller listed
; in the user's "Installed apps", and trh offered in "Open with" for scorecards (.ron) without
; becoming the default for .ron files; its folder joins the user's PATH, so `trh rank FILE` works
; in any new cmd or PowerShell window (trh.com). Everything written is under HKCU and the user's
; folders.

; A 64-bit installer for a 64-bit program (it also runs under a 64-bit-only Wine).
Target amd64-unicode
!include "${FILES}"
!include "WordFunc.nsh"
!include "WinMessages.nsh"

!define UNINST "Software\Microsoft\Windows\CurrentVersion\Uninstall\trh"

Name "trh ${VERSION}"
Caption "trh ${VERSION} setup"
OutFile "${OUT}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\trh"
InstallDirRegKey HKCU "Software\trh" "InstallDir"
SetCompressor /SOLID lzma
Icon "${ICON}"
UninstallIcon "${ICON}"
BrandingText "trh ${VERSION}"
ShowInstDetails show
ShowUninstDetails show
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "trh"
VIAddVersionKey "FileDescription" "trh ${VERSION} setup (per user, no administrator rights)"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "MIT OR Apache-2.0"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Section "trh"
    SetShellVarContext current
    SetOutPath "$INSTDIR"
    !insertmacro TRH_FILES
    WriteUninstaller "$INSTDIR\uninstall.exe"
    WriteRegStr HKCU "Software\trh" "InstallDir" "$INSTDIR"

    CreateShortcut "$SMPROGRAMS\trh.lnk" "$INSTDIR\trh.exe" "" "$INSTDIR\trh.exe" 0 \
        SW_SHOWNORMAL "" "Rank community-safety themes into priorities"

    ; "Open with" for scorecards: a ProgID of trh's own, listed among .ron's Open-with
    ; choices, and trh known as an application for .ron. The default for .ron is not changed.
    WriteRegStr HKCU "Software\Classes\trh.scorecard" "" "trh scorecard"
    WriteRegStr HKCU "Software\Classes\trh.scorecard\DefaultIcon" "" "$INSTDIR\trh.exe,0"
    WriteRegStr HKCU "Software\Classes\trh.scorecard\shell\open\command" "" '"$INSTDIR\trh.exe" "%1"'
    WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "trh.scorecard" ""
    WriteRegStr HKCU "Software\Classes\Applications\trh.exe" "FriendlyAppName" "trh"
    WriteRegStr HKCU "Software\Classes\Applications\trh.exe\SupportedTypes" ".ron" ""
    WriteRegStr HKCU "Software\Classes\Applications\trh.exe\shell\open\command" "" '"$INSTDIR\trh.exe" "%1"'

    ; The user's "Installed apps" list.
    WriteRegStr HKCU "${UNINST}" "DisplayName" "trh"
    WriteRegStr HKCU "${UNINST}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINST}" "Publisher" "trh contributors"
    WriteRegStr HKCU "${UNINST}" "DisplayIcon" "$INSTDIR\trh.exe,0"
    WriteRegStr HKCU "${UNINST}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINST}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINST}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINST}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINST}" "NoRepair" 1

    ; The user's PATH (not the machine's), so that typing `trh` finds trh.com. NSIS strings
    ; hold 1024 characters: a longer PATH is left alone rather than cut short.
    ReadRegStr $0 HKCU "Environment" "Path"
    StrLen $1 $0
    IntCmp $1 900 0 0 path_too_long
    ${WordAdd} "$0" ";" "+$INSTDIR" $0
    WriteRegExpandStr HKCU "Environment" "Path" "$0"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=500
    Goto path_done
    path_too_long:
    DetailPrint "Your PATH is long, so trh's folder was not added to it: run $INSTDIR\trh.com"
    path_done:

    ; Tell Explorer that file associations changed (SHCNE_ASSOCCHANGED).
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
    SetShellVarContext current
    ; Only what the installer put there: a scorecard the user saved in the folder stays,
    ; and so does the folder then.
    !insertmacro TRH_UNFILES
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR\scorecards"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\trh.lnk"

    DeleteRegKey HKCU "Software\Classes\trh.scorecard"
    DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "trh.scorecard"
    DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
    DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
    DeleteRegKey HKCU "Software\Classes\Applications\trh.exe"
    DeleteRegKey HKCU "${UNINST}"
    DeleteRegKey HKCU "Software\trh"

    ReadRegStr $0 HKCU "Environment" "Path"
    StrLen $1 $0
    IntCmp $1 900 0 0 unpath_done
    ${un.WordAdd} "$0" ";" "-$INSTDIR" $0
    StrCmp $0 "" 0 unpath_keep
    DeleteRegValue HKCU "Environment" "Path"
    Goto unpath_sent
    unpath_keep:
    WriteRegExpandStr HKCU "Environment" "Path" "$0"
    unpath_sent:
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=500
    unpath_done:
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
