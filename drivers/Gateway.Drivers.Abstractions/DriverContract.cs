namespace Gateway.Drivers;

/// <summary>The version of this driver contract, which a driver's manifest names in its <c>contract</c> field.</summary>
/// <remarks>
/// The gateway loads a driver only when the manifest's contract version and the major version of the
/// <c>Gateway.Drivers.Abstractions</c> assembly the driver was built against both equal <see cref="Version"/>. Additions
/// keep the version; a breaking change (a member removed or changed) raises it. The public surface is recorded in
/// <c>PublicAPI.txt</c> beside this file and checked by the tests, so no change goes unnoticed.
/// </remarks>
public static class DriverContract
{
    /// <summary>The contract's major version.</summary>
    public const int Version = 1;
}
