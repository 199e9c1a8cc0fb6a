<#
.SYNOPSIS
Removes the Border Booth Gateway service and its programs.

.DESCRIPTION
Stops and deletes the service BorderBoothGateway and removes the programs. The configuration and the data (journal,
keys, statistics) under DataRoot stay, so a later installation finds them, unless -Purge is given.

.PARAMETER Purge
Also remove the configuration and the data.
.PARAMETER InstallRoot
Where the programs are (default: %ProgramFiles%\BorderGateway).
.PARAMETER DataRoot
Where the configuration and the data are (default: %ProgramData%\BorderGateway).
#>
[CmdletBinding()]
param(
    [switch] $Purge,
    [string] $InstallRoot = (Join-Path $env:ProgramFiles 'BorderGateway'),
    [string] $DataRoot = (Join-Path $env:ProgramData 'BorderGateway')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$serviceName = 'BorderBoothGateway'

if (Get-Service -Name $serviceName -ErrorAction SilentlyContinue) {
    Stop-Service -Name $serviceName -Force
    & sc.exe delete $serviceName | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "sc.exe delete failed ($LASTEXITCODE)" }
}
$current = Join-Path $InstallRoot 'current'
if (Test-Path -LiteralPath $current) { cmd.exe /c rmdir "$current" | Out-Null }
if (Test-Path -LiteralPath $InstallRoot) {
    Get-ChildItem -Directory -LiteralPath $InstallRoot |
        Where-Object { Test-Path (Join-Path $_.FullName 'Gateway.Host.exe') } |
        Remove-Item -Recurse -Force
    if (-not (Get-ChildItem -LiteralPath $InstallRoot)) { Remove-Item -LiteralPath $InstallRoot }
}
Write-Host 'Removed the service and the programs.'
if ($Purge) {
    if (Test-Path -LiteralPath $DataRoot) { Remove-Item -Recurse -Force -LiteralPath $DataRoot }
    Write-Host "Purged the configuration and the data ($DataRoot)."
}
else {
    Write-Host "Kept the configuration and the data ($DataRoot); -Purge removes them."
}
