# Builds the Windows installer of the console on Windows (run by `mvn -B -Pinstaller package` there, or alone after
# `mvn -B package -Djavafx.platform=win` so that the jar carries JavaFX's Windows natives):
#   target\installer\Cockpit SMTP-<version>.msi   per-machine install under Program Files\Cockpit SMTP, a
#                                                   Start-menu entry and a desktop shortcut for the window, and
#                                                   cockpit-smtp.exe beside it for the commands
# Needs a JDK 17 for Windows (jdeps, jlink, jpackage) and the WiX Toolset 3 (candle.exe and light.exe on the PATH).
# Class-data sharing: the runtime's base archive only. Java 17 uses an application archive only at the absolute
# path it was made at, and the user may choose another folder (the Linux package installs at a fixed path instead).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')
$jar = 'target\cockpit-smtp.jar'
if (-not (Test-Path $jar)) { throw "no $jar: run mvn -B package first" }
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead((Resolve-Path $jar))
try {
    $reader = New-Object System.IO.StreamReader(($zip.Entries | Where-Object FullName -eq 'META-INF/MANIFEST.MF').Open())
    $manifest = $reader.ReadToEnd()
    $reader.Close()
} finally { $zip.Dispose() }
$version = if ($manifest -match 'Implementation-Version:\s*(\S+)') { $Matches[1] } else { '0.1.0' }

$out = 'target\installer'
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item $jar "$out\input\"
# JavaFX's native libraries beside the jar, where JavaFX looks first: otherwise it copies them out of the jar into
# the user's .openjfx\cache at the first start and checks them against the jar's copies at every start.
$zip = [System.IO.Compression.ZipFile]::OpenRead((Resolve-Path $jar))
try {
    foreach ($e in $zip.Entries | Where-Object { $_.FullName -notmatch '/' -and $_.Name -like '*.dll' }) {
        [System.IO.Compression.ZipFileExtensions]::ExtractToFile($e, (Join-Path (Resolve-Path "$out\input") $e.Name))
    }
} finally { $zip.Dispose() }

$modules = (& jdeps --ignore-missing-deps --multi-release 17 --print-module-deps $jar).Trim()
& jlink --add-modules "$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs" --include-locales=en,fr `
    --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$out\runtime"
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }

# Two launchers of the same program: Windows ties an executable to a console or not when it is built, and a
# console launcher opens a black window behind the console's own. "Cockpit SMTP.exe" (the menu and the shortcut)
# has none; cockpit-smtp.exe (cli-launcher.properties: win-console) prints the commands' output in the terminal.
# The upgrade code is fixed forever: it is what lets a newer .msi replace an installed older one.
& jpackage --type msi --name 'Cockpit SMTP' --app-version $version --vendor cockpit `
    --description 'Administration console for the cockpit SMTP gateway' `
    --input "$out\input" --main-jar cockpit-smtp.jar --main-class io.cockpit.smtp.Launcher `
    --runtime-image "$out\runtime" --icon icons\cockpit-smtp.ico `
    --add-launcher "cockpit-smtp=installer\windows\cli-launcher.properties" `
    --win-menu --win-menu-group 'Cockpit' --win-shortcut --win-dir-chooser `
    --win-upgrade-uuid '6f1c7c8e-2b0e-4d61-9a55-3f9f0c2a7d41' `
    --java-options '-Xlog:disable' --java-options '-Xlog:all=error:stderr' `
    --dest $out
if ($LASTEXITCODE -ne 0) { throw 'jpackage failed' }
Get-ChildItem "$out\*.msi"
