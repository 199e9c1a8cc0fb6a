using System.Collections;
using System.Globalization;
using System.Resources;
using Gateway.Emrtd;
using Gateway.Mrz;
using Gateway.VirtualChip;

namespace Gateway.Emrtd.Tests.Resources;

public sealed class ChipTextsTests
{
    [Fact]
    public void FrenchTexts_CoverEveryEnglishText()
    {
        var manager = new ResourceManager("Gateway.Emrtd.Resources.ChipTexts", typeof(ChipReader).Assembly);
        var english = manager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();
        var french = manager.GetResourceSet(CultureInfo.GetCultureInfo("fr"), true, false)!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

        Assert.NotEmpty(english);
        Assert.All(english, key => Assert.True(french.ContainsKey(key), $"No French text for {key}"));
        Assert.All(english, key => Assert.NotEqual(manager.GetString(key, CultureInfo.InvariantCulture), french[key]));
    }

    [Fact]
    public async Task Read_InFrench_DescribesEveryStepInFrench()
    {
        using var pki = TestPki.Create(DateTimeOffset.UtcNow);
        var spec = new PassportSpec { Lie = ChipLie.TamperedDg1 };
        var chip = new VirtualPassport(PassportContent.Build(spec, pki));

        var result = await ChipReader.ReadAsync(new InMemoryChannel(chip), MrzAccessKey.FromMrz(MrzParser.Parse(spec.Mrz))!,
            new ChipReadOptions { Csca = CscaStore.FromCertificates([pki.Csca]), Culture = CultureInfo.GetCultureInfo("fr") });

        Assert.Equal("Le DG1 ne correspond pas à son empreinte SHA256 dans l'EF.SOD : les données ont été modifiées.", result.GetCheck("chip.dg1.hash")!.Detail);
        Assert.StartsWith("Se rattache au CSCA", result.GetCheck("chip.signer.chain")!.Detail, StringComparison.Ordinal);
        Assert.StartsWith("PACE 0.4.0.127.0.7.2.2.4.2.2 (paramètres de domaine 13) avec le MRZ", result.GetCheck("chip.access")!.Detail, StringComparison.Ordinal);
    }
}
