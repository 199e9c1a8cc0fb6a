using System.Security.Cryptography;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.VirtualChip;

/// <summary>What the virtual passport holds and how it behaves.</summary>
public sealed record PassportSpec
{
    /// <summary>The ICAO specimen TD3 (Doc 9303 Part 4), with a far expiry date so it stays valid.</summary>
    public const string SpecimenTd3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F3412318ZE184226B<<<<<18";

    /// <summary>A TD1 specimen whose document number (12 characters) overflows into the optional data.</summary>
    public const string SpecimenTd1LongNumber = "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M3412318UTO<<<<<<<<<<<4\nSTEVENSON<<PETER<JOHN<<<<<<<<<";

    /// <summary>The MRZ (lines separated by newlines) the chip's DG1 holds and its BAC/PACE key comes from.</summary>
    public string Mrz { get; init; } = SpecimenTd3;

    /// <summary>The card access number, when the chip accepts PACE with a CAN.</summary>
    public string? Can { get; init; } = "123456";

    /// <summary>Whether the chip offers PACE (EF.CardAccess present).</summary>
    public bool Pace { get; init; } = true;

    /// <summary>Whether the chip accepts BAC.</summary>
    public bool Bac { get; init; } = true;

    /// <summary>PACE's cipher.</summary>
    internal CipherKind PaceCipher { get; init; } = CipherKind.Aes128;

    /// <summary>PACE's cipher by name: "3DES", "AES-128", "AES-192", "AES-256".</summary>
    public string PaceCipherName
    {
        get => Name(PaceCipher);
        init => PaceCipher = Kind(value);
    }

    /// <summary>PACE's standardised domain parameters (13: brainpoolP256r1, 12: NIST P-256, 16: brainpoolP384r1, ...).</summary>
    public int PaceParameterId { get; init; } = 13;

    /// <summary>Whether the chip has DG15 and answers INTERNAL AUTHENTICATE.</summary>
    public bool ActiveAuthentication { get; init; } = true;

    /// <summary>The kind of active authentication key.</summary>
    public ActiveAuthenticationKeyKind ActiveAuthenticationKey { get; init; }

    /// <summary>The RSA active authentication key's modulus size in bits.</summary>
    public int RsaKeyBits { get; init; } = 1024;

    /// <summary>The hash of RSA active authentication: SHA-1 (trailer BC) or SHA-256/384/512 (trailer xxCC).</summary>
    public HashAlgorithmName RsaHash { get; init; } = HashAlgorithmName.SHA1;

    /// <summary>Whether the chip has DG14 and performs chip authentication (ECDH).</summary>
    public bool ChipAuthentication { get; init; } = true;

    /// <summary>The curve of the chip authentication key.</summary>
    public ECCurve ChipAuthenticationCurve { get; init; } = ECCurve.NamedCurves.brainpoolP256r1;

    /// <summary>Chip authentication's cipher.</summary>
    internal CipherKind ChipAuthenticationCipher { get; init; } = CipherKind.Aes128;

    /// <summary>Chip authentication's cipher by name: "3DES", "AES-128", "AES-192", "AES-256".</summary>
    public string ChipAuthenticationCipherName
    {
        get => Name(ChipAuthenticationCipher);
        init => ChipAuthenticationCipher = Kind(value);
    }

    /// <summary>The key id DG14 gives the chip authentication key (none by default).</summary>
    public int? ChipAuthenticationKeyId { get; init; }

    /// <summary>Whether DG14 spells the key's curve out (explicit domain parameters) instead of naming it.</summary>
    public bool ChipAuthenticationExplicitParameters { get; init; }

    /// <summary>Whether DG14 labels the key id-PK-ECDH inside its SubjectPublicKeyInfo (as some chips do) instead of id-ecPublicKey.</summary>
    public bool ChipAuthenticationKeyLabelledPkEcdh { get; init; }

    /// <summary>Whether the chip has DG11 (full name).</summary>
    public bool AdditionalPersonalDetails { get; init; } = true;

    /// <summary>Size of DG2's JPEG in bytes.</summary>
    public int PortraitBytes { get; init; } = 15000;

    /// <summary>Whether the chip accepts extended-length APDUs (and says so in its ATR).</summary>
    public bool ExtendedLength { get; init; }

    /// <summary>How the chip lies.</summary>
    public ChipLie Lie { get; init; }

    private static string Name(CipherKind kind) => kind switch { CipherKind.TripleDes => "3DES", CipherKind.Aes128 => "AES-128", CipherKind.Aes192 => "AES-192", _ => "AES-256" };

    private static CipherKind Kind(string name) => name switch { "3DES" => CipherKind.TripleDes, "AES-128" => CipherKind.Aes128, "AES-192" => CipherKind.Aes192, _ => CipherKind.Aes256 };
}
