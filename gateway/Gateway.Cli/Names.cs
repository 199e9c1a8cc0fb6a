namespace Gateway.Cli;

/// <summary>Short lower-case names of contract enums for tables (<c>DeviceState.Ready</c> → <c>ready</c>).</summary>
internal static class Names
{
    public static string Of(Enum value) =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
