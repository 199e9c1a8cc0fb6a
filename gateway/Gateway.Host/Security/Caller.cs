namespace Gateway.Host.Security;

/// <summary>Who is calling: the identity named in the audit log and in acknowledgements, and its role.</summary>
internal sealed record Caller(string Identity, Role Role)
{
    /// <summary>An unauthenticated caller on loopback while no credential is configured (the out-of-the-box set-up).</summary>
    public static Caller Local { get; } = new("local", Role.Admin);

    /// <summary>True when this caller's role is one of <paramref name="roles"/> (admins may call everything).</summary>
    public bool MayCall(IReadOnlyCollection<Role> roles) => Role == Role.Admin || roles.Contains(Role);
}
