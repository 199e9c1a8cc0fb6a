namespace Gateway.TestDrivers.Lib;

/// <summary>Says which version of the library was loaded.</summary>
public static class LibraryVersion
{
    /// <summary>The version.</summary>
    public static string Value => "2";
}
