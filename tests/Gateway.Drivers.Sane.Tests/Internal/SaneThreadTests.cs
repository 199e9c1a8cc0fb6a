using Gateway.Drivers.Sane.Internal;

namespace Gateway.Drivers.Sane.Tests.Internal;

public sealed class SaneThreadTests
{
    [Fact]
    public void Probe_LibraryNotInstalled_TellsWhichPackageToInstall()
    {
        var error = SaneThread.Probe("libsane-not-installed.so.9");

        Assert.NotNull(error);
        Assert.Equal("sane.library_missing", error.Code);
        Assert.False(error.IsTransient);
        Assert.Contains("libsane1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_DebiansLibsane_Loads()
    {
        Assert.Null(SaneThread.Probe(Native.Library));
    }
}
