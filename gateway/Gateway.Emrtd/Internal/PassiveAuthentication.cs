using System.Security.Cryptography;
using Gateway.Emrtd.Internal.Lds;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// Passive authentication (Doc 9303 Part 12 §5): each data group's hash over the raw bytes read — never a re-encoding —
/// against EF.SOD, the SOD's signature with its document signer certificate, and that certificate's chain to a CSCA.
/// </summary>
internal static class PassiveAuthentication
{
    public static IReadOnlyList<ChipCheck> Verify(byte[] sodBytes, IReadOnlyDictionary<int, byte[]> dataGroups, CscaStore? csca, DateTimeOffset now)
    {
        var checks = new List<ChipCheck>();
        SecurityObject sod;
        try
        {
            sod = SecurityObject.Parse(sodBytes);
        }
        catch (ChipException e)
        {
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Failed, e.Message));
            return checks;
        }

        foreach (var (number, raw) in dataGroups.Where(d => d.Key > 0))
        {
            var name = $"chip.dg{number}.hash";
            if (!sod.DataGroupHashes.TryGetValue(number, out var expected))
            {
                checks.Add(new ChipCheck(name, ChipCheckStatus.Failed, $"DG{number} is not listed in EF.SOD."));
                continue;
            }

            var actual = SecurityObject.Hash(sod.HashAlgorithm, raw);
            checks.Add(CryptographicOperations.FixedTimeEquals(actual, expected)
                ? new ChipCheck(name, ChipCheckStatus.Passed, $"DG{number} matches its {sod.HashAlgorithm.Name} hash in EF.SOD.")
                : new ChipCheck(name, ChipCheckStatus.Failed, $"DG{number} does not match its {sod.HashAlgorithm.Name} hash in EF.SOD: the data was altered."));
        }

        var signer = sod.Signer;
        if (signer is null)
        {
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Failed, "EF.SOD carries no document signer certificate."));
            checks.Add(new ChipCheck("chip.signer.chain", ChipCheckStatus.NotPerformed, "No document signer certificate."));
            return checks;
        }

        try
        {
            sod.Cms.CheckSignature(verifySignatureOnly: true);
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Passed, "EF.SOD's signature verifies with its document signer certificate."));
        }
        catch (CryptographicException)
        {
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Failed, "EF.SOD's signature does not verify with its document signer certificate."));
        }

        checks.Add(csca is null
            ? new ChipCheck("chip.signer.chain", ChipCheckStatus.Failed, "No CSCA store is configured.")
            : csca.Verify(signer, now));
        return checks;
    }
}
