<#
.SYNOPSIS
Builds Lasting Home for Windows from the same recipe as `make bundle` (packaging\lasting-home.spec),
checks it, signs it and wraps it in an installer.

.DESCRIPTION
Run from a checkout of the project, on 64-bit Windows 10 or 11, in Windows PowerShell 5.1 or
PowerShell 7. It needs:
  - Python 3.11 (64-bit) from python.org, with the "py" launcher;
  - Inno Setup 6 (https://jrsoftware.org/isinfo.php), unless -NoInstaller;
  - for signing: the Windows SDK's signtool.exe and a code-signing certificate in the certificate
    store (a hardware token or a cloud key vault presents it there too), chosen by thumbprint.

Steps: a clean virtual environment in build\bundle-venv with the app and the "bundle" extra;
PyInstaller builds dist\lasting-home\ (LastingHome.exe for people, lasting-home.exe for scripts);
the programs are signed (and, with -SignEveryLibrary, every unsigned library inside); the signed
folder is checked by packaging\check_bundle.py (it opens the app offscreen on a fresh folder and
makes a card); Inno Setup makes dist\LastingHome-VERSION-setup.exe, signed with its uninstaller.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 -NoSigning
A test build, unsigned.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 -CertificateThumbprint 3F2A...9C
The release build: signed with the certificate of that thumbprint (certmgr.msc shows it).
#>
[CmdletBinding()]
param(
    [string]$CertificateThumbprint = "",
    [string]$TimestampUrl = "http://timestamp.digicert.com",
    [string]$PythonVersion = "3.11",
    [switch]$SignEveryLibrary,
    [switch]$NoSigning,
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path (Join-Path $PSScriptRoot "..\.."))
$started = Get-Date

function Invoke-Step([string]$Program, [string[]]$Arguments) {
    # Native programs do not stop the script by themselves when they fail.
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $($Arguments -join ' ') failed ($LASTEXITCODE)." }
}

function Find-Tool([string]$Name, [string[]]$Places) {
    $found = Get-Command $Name -ErrorAction SilentlyContinue
    if ($found) { return $found.Source }
    foreach ($place in $Places) {
        $match = Get-ChildItem $place -ErrorAction SilentlyContinue | Sort-Object FullName -Descending |
            Select-Object -First 1
        if ($match) { return $match.FullName }
    }
    throw "$Name was not found. Install it, or put it on PATH."
}

if (-not $NoSigning -and -not $CertificateThumbprint) {
    throw "Give -CertificateThumbprint for a release build, or -NoSigning for a test build."
}

Write-Host "== A clean build environment (build\bundle-venv)"
if (Test-Path build\bundle-venv) { Remove-Item -Recurse -Force build\bundle-venv }
Invoke-Step "py" @("-$PythonVersion-64", "-m", "venv", "build\bundle-venv")
$python = "build\bundle-venv\Scripts\python.exe"
Invoke-Step $python @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Step $python @("-m", "pip", "install", "--quiet", "-e", ".[bundle]")
$version = (& $python -c "import lasting_home_desktop as m; print(m.__version__)").Trim()

Write-Host "== PyInstaller: dist\lasting-home\ (version $version)"
Invoke-Step $python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\lasting-home.spec")

$signtool = $null
if (-not $NoSigning) {
    $signtool = Find-Tool "signtool.exe" @("${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe")
    $files = @("dist\lasting-home\LastingHome.exe", "dist\lasting-home\lasting-home.exe")
    if ($SignEveryLibrary) {
        # For WDAC or AppLocker rules that trust a publisher: Qt's and Python's own files are
        # signed by their makers already; this signs the rest (mostly Python extensions).
        $files += Get-ChildItem dist\lasting-home\_internal -Recurse -Include *.dll, *.pyd |
            Where-Object { (Get-AuthenticodeSignature $_.FullName).Status -eq "NotSigned" } |
            ForEach-Object { $_.FullName }
    }
    Write-Host "== Signing $($files.Count) files"
    $sign = @("sign", "/sha1", $CertificateThumbprint, "/fd", "SHA256", "/tr", $TimestampUrl,
        "/td", "SHA256", "/d", "Lasting Home")
    for ($i = 0; $i -lt $files.Count; $i += 50) {
        $last = [Math]::Min($i + 49, $files.Count - 1)
        Invoke-Step $signtool ($sign + $files[$i..$last])
    }
    Invoke-Step $signtool (@("verify", "/pa", "/q") + $files[0..1])
}

Write-Host "== Checking the app: offscreen, on a fresh folder, making a card"
Invoke-Step $python @("packaging\check_bundle.py", "dist\lasting-home")

if (-not $NoInstaller) {
    $iscc = Find-Tool "ISCC.exe" @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe")
    $defines = @("/DAppVersion=$version", "/DSourceDir=$((Resolve-Path dist\lasting-home).Path)",
        "/DOutputDir=$((Resolve-Path dist).Path)")
    if ($signtool) {
        # Inno Setup signs the installer and the uninstaller it writes ($f: the file, quoted).
        # Quotes are written $q, so Windows PowerShell 5.1 hands the line to ISCC unchanged.
        $defines += "/DSign"
        $defines += "/Slastinghome=`$q$signtool`$q sign /sha1 $CertificateThumbprint /fd SHA256 " +
            "/tr $TimestampUrl /td SHA256 /d `$qLasting Home`$q `$f"
    }
    Write-Host "== Inno Setup: dist\LastingHome-$version-setup.exe"
    Invoke-Step $iscc ($defines + @("packaging\windows\lasting-home.iss"))
    $setup = "dist\LastingHome-$version-setup.exe"
    if ($signtool) { Invoke-Step $signtool @("verify", "/pa", "/q", $setup) }
    $hash = (Get-FileHash $setup -Algorithm SHA256).Hash
    Write-Host "Installer: $setup (SHA-256 $hash)"
}
$size = (Get-ChildItem dist\lasting-home -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
$minutes = ((Get-Date) - $started).TotalMinutes
Write-Host ("Done in {0:N1} min. The app folder is dist\lasting-home ({1:N0} MB)." -f $minutes, $size)
