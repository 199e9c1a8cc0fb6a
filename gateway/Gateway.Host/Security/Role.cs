namespace Gateway.Host.Security;

/// <summary>What a caller may do; each gRPC method names the roles that may call it (<see cref="MethodRoles"/>).</summary>
internal enum Role
{
    /// <summary>Not a role: a credential without one is a configuration error.</summary>
    None = 0,

    /// <summary>A booth client: sessions, captures, acknowledgements, the camera preview.</summary>
    Booth = 1,

    /// <summary>A technician: device state and control, drivers, health; no personal data (no captures, sessions or preview).</summary>
    Technician = 2,

    /// <summary>Everything.</summary>
    Admin = 3,
}
