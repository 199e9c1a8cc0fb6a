using System.Formats.Asn1;

namespace Gateway.Emrtd.Internal;

/// <summary>A PACEInfo of EF.CardAccess: protocol OID, version and standardised domain parameter id.</summary>
internal sealed record PaceInfo(string Oid, int Version, int? ParameterId)
{
    public PaceAlgorithm Algorithm { get; } = PaceAlgorithm.FromOid(Oid)!;

    /// <summary>Reads the PACEInfos of EF.CardAccess (a SET OF SecurityInfo); other SecurityInfos are skipped.</summary>
    public static IReadOnlyList<PaceInfo> ParseCardAccess(byte[] cardAccess)
    {
        var infos = new List<PaceInfo>();
        try
        {
            var set = new AsnReader(cardAccess, AsnEncodingRules.BER).ReadSetOf(skipSortOrderValidation: true);
            while (set.HasData)
            {
                var info = set.ReadSequence();
                var oid = info.ReadObjectIdentifier();
                if (PaceAlgorithm.FromOid(oid) is null || !info.HasData || info.PeekTag() != Asn1Tag.Integer)
                {
                    continue;
                }

                var version = (int)info.ReadInteger();
                int? parameter = info.HasData && info.PeekTag() == Asn1Tag.Integer ? (int)info.ReadInteger() : null;
                infos.Add(new PaceInfo(oid, version, parameter));
            }
        }
        catch (AsnContentException e)
        {
            throw new ChipException(ChipErrorKind.Malformed, "EF.CardAccess does not parse.", innerException: e);
        }

        return infos;
    }

    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Oid);
            writer.WriteInteger(Version);
            if (ParameterId is { } id)
            {
                writer.WriteInteger(id);
            }
        }

        return writer.Encode();
    }
}
