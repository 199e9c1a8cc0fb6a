using System.Security.Cryptography;
using System.Text;
using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;
using Gateway.Mrz;

namespace Gateway.Emrtd;

/// <summary>The password that opens a chip: the MRZ information (BAC and PACE) or the card access number (PACE only).</summary>
public abstract record AccessKey
{
    private protected AccessKey()
    {
    }

    /// <summary>The PACE password reference: 1 for the MRZ, 2 for the CAN (Doc 9303 Part 11 §9.2.2).</summary>
    internal abstract byte PacePasswordReference { get; }

    /// <summary>The PACE password before derivation: SHA-1 of the MRZ information, or the CAN's characters.</summary>
    internal abstract byte[] PaceSecret();

    /// <summary>K_pi, the key that encrypts PACE's nonce.</summary>
    internal byte[] PacePasswordKey(CipherKind cipher) => Kdf.Derive(PaceSecret(), Kdf.Password, cipher);
}

/// <summary>
/// The MRZ information of Doc 9303 Part 11 §9.7.2: document number, date of birth and date of expiry, each with its
/// check digit. A document number longer than 9 characters (TD1 overflow into the optional data) is used whole, with the
/// check digit computed over it, as the specification asks.
/// </summary>
/// <param name="DocumentNumber">The full document number, without fillers.</param>
/// <param name="DateOfBirth">Date of birth as written in the MRZ, YYMMDD.</param>
/// <param name="DateOfExpiry">Date of expiry as written in the MRZ, YYMMDD.</param>
public sealed record MrzAccessKey(string DocumentNumber, string DateOfBirth, string DateOfExpiry) : AccessKey
{
    /// <inheritdoc/>
    internal override byte PacePasswordReference => 1;

    /// <summary>
    /// The document number's check digit as printed in the MRZ, when the key came from one: alternatives of a refused
    /// key must agree with it (see <see cref="ChipReadOptions.MaxKeyCorrections"/>).
    /// </summary>
    public char? PrintedCheckDigit { get; init; }

    /// <summary>The MRZ information: the string whose SHA-1 seeds BAC and PACE.</summary>
    public string MrzInformation
    {
        get
        {
            var number = DocumentNumber.Length < 9 ? DocumentNumber.PadRight(9, '<') : DocumentNumber;
            return $"{number}{CheckDigit.Compute(number)}{DateOfBirth}{CheckDigit.Compute(DateOfBirth)}{DateOfExpiry}{CheckDigit.Compute(DateOfExpiry)}";
        }
    }

    /// <summary>Takes the key from a parsed MRZ (the MRZ engine joins a TD1 long document number for us).</summary>
    /// <param name="mrz">The parsed MRZ; it may be invalid (an OCR read): the fields as read are used.</param>
    /// <returns>The key, or null when the MRZ lacks a document number or a date.</returns>
    public static MrzAccessKey? FromMrz(MrzResult mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        var number = mrz.DocumentNumber;
        var birth = mrz.GetField(MrzFieldName.DateOfBirth)?.Raw;
        var expiry = mrz.GetField(MrzFieldName.DateOfExpiry)?.Raw;
        return string.IsNullOrEmpty(number) || birth is not { Length: 6 } || expiry is not { Length: 6 }
            ? null
            : new MrzAccessKey(number.Replace("<", string.Empty, StringComparison.Ordinal), birth, expiry)
            {
                PrintedCheckDigit = mrz.GetCheck(MrzCheckName.DocumentNumber)?.Found,
            };
    }

    /// <summary>BAC's K_seed: the first 16 bytes of SHA-1 of the MRZ information.</summary>
    internal byte[] BacSeed() => SHA1.HashData(Encoding.ASCII.GetBytes(MrzInformation))[..16];

    /// <inheritdoc/>
    internal override byte[] PaceSecret() => SHA1.HashData(Encoding.ASCII.GetBytes(MrzInformation));

    /// <summary>Hides the personal data in logs and exceptions.</summary>
    /// <returns>A masked description.</returns>
    public override string ToString() => "MrzAccessKey { *** }";
}

/// <summary>The card access number printed on the document (PACE only).</summary>
/// <param name="Can">The digits of the card access number.</param>
public sealed record CanAccessKey(string Can) : AccessKey
{
    /// <inheritdoc/>
    internal override byte PacePasswordReference => 2;

    /// <inheritdoc/>
    internal override byte[] PaceSecret() => Encoding.ASCII.GetBytes(Can);

    /// <summary>Hides the number in logs and exceptions.</summary>
    /// <returns>A masked description.</returns>
    public override string ToString() => "CanAccessKey { *** }";
}
