<#
.SYNOPSIS
Installs or upgrades the Border Booth Gateway as a Windows service from this unpacked package.

.DESCRIPTION
First installation (run in an elevated PowerShell):
    .\install.ps1
copies the programs to <InstallRoot>\<version> and points the junction <InstallRoot>\current at it, writes the default
configuration to <DataRoot>\config\appsettings.json (never overwritten later: a changed default goes beside it as
appsettings.json.new), creates <DataRoot>\data (journal, keys, statistics; only SYSTEM, Administrators and the service
may enter it), registers the service BorderBoothGateway under its own virtual account (NT SERVICE\BorderBoothGateway),
starting automatically and restarted by the Service Control Manager after a failure, starts it and waits until
gatewayctl health answers SERVING.

Upgrade:
    .\install.ps1 -Upgrade
stops the service, points current at this version, starts it and waits for SERVING; when it does not become healthy in
time, points current back at the previous version and starts that again. Configuration, journal and keys are kept.

.PARAMETER Upgrade
Replace the installed version with this one.
.PARAMETER InstallRoot
Where the programs go (default: %ProgramFiles%\BorderGateway).
.PARAMETER DataRoot
Where the configuration and the data go (default: %ProgramData%\BorderGateway).
.PARAMETER HealthTimeoutSeconds
How long to wait for SERVING (default 90).
#>
[CmdletBinding()]
param(
    [switch] $Upgrade,
    [string] $InstallRoot = (Join-Path $env:ProgramFiles 'BorderGateway'),
    [string] $DataRoot = (Join-Path $env:ProgramData 'BorderGateway'),
    [int] $HealthTimeoutSeconds = 90
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The name the gateway gives itself when it runs as a service (GatewayApplication: UseWindowsService).
$serviceName = 'BorderBoothGateway'
$account = "NT SERVICE\$serviceName"
$package = $PSScriptRoot
$version = (Get-Content -Raw -LiteralPath (Join-Path $package 'VERSION')).Trim()
$configDir = Join-Path $DataRoot 'config'
$dataDir = Join-Path $DataRoot 'data'
$current = Join-Path $InstallRoot 'current'

function Get-CurrentVersion {
    if (-not (Test-Path -LiteralPath $current)) { return $null }
    return (Get-Content -Raw -LiteralPath (Join-Path $current 'VERSION')).Trim()
}

function Set-Current([string] $Target) {
    # A junction is removed as a link (its target stays), then made again pointing at the version folder.
    if (Test-Path -LiteralPath $current) { cmd.exe /c rmdir "$current" | Out-Null }
    New-Item -ItemType Junction -Path $current -Target (Join-Path $InstallRoot $Target) | Out-Null
}

function Wait-Serving {
    $gatewayctl = Join-Path $current 'cli\gatewayctl.exe'
    $deadline = (Get-Date).AddSeconds($HealthTimeoutSeconds)
    while ((Get-Date) -lt $deadline) {
        & $gatewayctl health *> $null
        if ($LASTEXITCODE -eq 0) { return $true }
        Start-Sleep -Seconds 1
    }
    return $false
}

$installed = Get-CurrentVersion
if ($Upgrade) {
    if (-not $installed) { throw "No installed version in $InstallRoot to upgrade; run install.ps1 without -Upgrade." }
    if ($installed -eq $version) { throw "Version $version is already the current one in $InstallRoot." }
}
elseif ($installed) {
    throw "Version $installed is installed in $InstallRoot; use -Upgrade to replace it with $version."
}

# The programs: a folder per version, copied whole before anything points at it.
$target = Join-Path $InstallRoot $version
$partial = "$target.partial"
New-Item -ItemType Directory -Force -Path $InstallRoot | Out-Null
if (Test-Path -LiteralPath $partial) { Remove-Item -Recurse -Force -LiteralPath $partial }
Copy-Item -Recurse -LiteralPath (Join-Path $package 'app') -Destination $partial
foreach ($file in 'VERSION', 'THIRD-PARTY-NOTICES.txt', 'install.ps1', 'uninstall.ps1') {
    Copy-Item -LiteralPath (Join-Path $package $file) -Destination $partial
}
if (Test-Path -LiteralPath $target) { Remove-Item -Recurse -Force -LiteralPath $target }
Rename-Item -LiteralPath $partial -NewName $version

# The configuration is the technician's: written once, never overwritten.
New-Item -ItemType Directory -Force -Path $configDir, $dataDir | Out-Null
$shipped = Join-Path $package 'app\appsettings.json'
$config = Join-Path $configDir 'appsettings.json'
if (-not (Test-Path -LiteralPath $config)) {
    Copy-Item -LiteralPath $shipped -Destination $config
    Write-Host "Wrote the default configuration $config"
}
elseif ((Get-FileHash -LiteralPath $shipped).Hash -ne (Get-FileHash -LiteralPath $config).Hash) {
    Copy-Item -Force -LiteralPath $shipped -Destination "$config.new"
    Write-Host "Kept $config; this version's defaults are in appsettings.json.new"
}

# The service: its own virtual account, automatic start, restarted after a failure (5 s, 5 s, then 30 s; the count is
# reset after a day), also when it stops with an error exit code. Its environment points it at the configuration and data.
$service = Get-Service -Name $serviceName -ErrorAction SilentlyContinue
if ($service) {
    Write-Host "Stopping $serviceName ($installed)"
    Stop-Service -Name $serviceName -Force
}
else {
    $binary = '"' + (Join-Path $current 'Gateway.Host.exe') + '"'
    New-Service -Name $serviceName -BinaryPathName $binary -DisplayName 'Border Booth Gateway' `
        -Description 'Booth devices to border registration software over gRPC.' -StartupType Automatic | Out-Null
    & sc.exe config $serviceName obj= $account | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "sc.exe config failed ($LASTEXITCODE)" }
}
& sc.exe failure $serviceName reset= 86400 actions= restart/5000/restart/5000/restart/30000 | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe failure failed ($LASTEXITCODE)" }
& sc.exe failureflag $serviceName 1 | Out-Null
$environment = @(
    "GATEWAY_CONFIG_DIR=$configDir",
    "Gateway__Journal__Folder=$(Join-Path $dataDir 'journal')",
    "Gateway__Journal__KeyFile=$(Join-Path $dataDir 'keys\journal.key')",
    "Gateway__Diagnostics__StatisticsPath=$(Join-Path $dataDir 'device-statistics.json')"
)
Set-ItemProperty -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$serviceName" -Name Environment -Type MultiString -Value $environment

# Only SYSTEM, Administrators and the service enter the data folder; the service reads the configuration.
& icacls.exe $dataDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' "${account}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $dataDir ($LASTEXITCODE)" }
& icacls.exe $configDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' "${account}:(OI)(CI)RX" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $configDir ($LASTEXITCODE)" }

Set-Current $version
Start-Service -Name $serviceName
Write-Host "Started $version; waiting up to $HealthTimeoutSeconds s for SERVING"
if (Wait-Serving) {
    Write-Host "The gateway $version is SERVING"
    # Keep the previous version for a manual roll-back; older ones go.
    Get-ChildItem -Directory -LiteralPath $InstallRoot |
        Where-Object { $_.Name -notin @($version, $installed, 'current') -and (Test-Path (Join-Path $_.FullName 'Gateway.Host.exe')) } |
        Remove-Item -Recurse -Force
    exit 0
}
if (-not $Upgrade) {
    throw "The gateway $version did not answer SERVING within $HealthTimeoutSeconds s: see the Application event log."
}
Write-Warning "The gateway $version did not answer SERVING within $HealthTimeoutSeconds s; rolling back to $installed"
Stop-Service -Name $serviceName -Force
Set-Current $installed
Start-Service -Name $serviceName
if (Wait-Serving) {
    throw "Rolled back: $installed is running again and SERVING; $version stays in $target for inspection."
}
throw "Rolled back to $installed, but it does not answer SERVING either: see the Application event log."
