using System.Globalization;

namespace Gateway.Barcodes.Vds.Internal;

/// <summary>
/// Reads the header: magic 0xDC, version byte (0x02 = version 3, 0x03 = version 4), issuing country (2 bytes C40), signer
/// identifier and certificate reference (version 3: 6 bytes C40, 4 + 5 characters; version 4: 4 bytes C40 holding the
/// signer and the reference length as 2 hex digits, then the reference in C40), document issue and signature creation
/// dates (3 bytes each), document feature definition reference and document type category (1 byte each).
/// </summary>
internal sealed class VdsHeaderReader(VdsContext context)
{
    public const byte Magic = 0xDC;
    private const string Check = "vds.header";

    public VdsHeader? Read()
    {
        var data = context.Data;
        if (data.Length == 0)
        {
            return Fatal("empty", 0, "The seal is empty.");
        }

        if (data[0] != Magic)
        {
            return Fatal("not_vds", 0, $"A visible digital seal starts with the magic byte 0xDC; found 0x{data[0]:X2}.");
        }

        if (!Has(2, "version byte"))
        {
            return null;
        }

        var version = data[1] switch { 0x02 => 3, 0x03 => 4, _ => 0 };
        if (version == 0)
        {
            return Fatal("unsupported_version", 1, $"Version byte 0x{data[1]:X2}: only 0x02 (version 3) and 0x03 (version 4) are defined.");
        }

        context.Field("", "version", 1, 1, "", version.ToString(CultureInfo.InvariantCulture));
        // "D" alone is a valid country (Germany); a single character is written unlatched (0xFE, ASCII + 1).
        if (!TryC40(2, 2, "issuing country", 3, out var country, minimumCharacters: 1))
        {
            return null;
        }

        context.Field("", "issuing_country", 2, 2, "", country.TrimEnd(' '));
        var position = 4;
        string signer, reference;
        if (version == 3)
        {
            if (!TryC40(position, 6, "signer identifier and certificate reference", 9, out var both))
            {
                return null;
            }

            (signer, reference) = (both[..4], both[4..]);
            context.Field("", "signer_identifier", position, 6, "", signer);
            context.Field("", "certificate_reference", position, 6, "", reference);
            position += 6;
        }
        else
        {
            if (!TryC40(position, 4, "signer identifier and certificate reference length", 6, out var head))
            {
                return null;
            }

            signer = head[..4];
            context.Field("", "signer_identifier", position, 4, "", signer);
            if (!TryReferenceLength(signer, head[4..], position, out var referenceLength))
            {
                return null;
            }

            position += 4;
            var referenceBytes = referenceLength == 0 ? 0 : (referenceLength + 2) / 3 * 2;
            if (!TryC40(position, referenceBytes, "certificate reference", referenceLength, out reference))
            {
                return null;
            }

            context.Field("", "certificate_reference", position, referenceBytes, "", reference);
            position += referenceBytes;
        }

        CheckSigner(signer, reference);
        if (!Has(position + 8, "dates, document feature definition reference and document type category"))
        {
            return null;
        }

        var issued = ReadDate(position, "document_issue_date", "document issue date");
        var signed = ReadDate(position + 3, "signature_date", "signature creation date");
        position += 6;
        var feature = data[position];
        var category = data[position + 1];
        var type = (feature << 8) | category;
        context.Field("", "document_feature_definition_reference", position, 1, "", $"{feature:X2}");
        context.Field("", "document_type_category", position + 1, 1, "", $"{category:X2}");
        context.Field("", "document_type", position, 2, $"{type:X4}", VdsDocumentTypes.Find(type)?.Name ?? "unknown");
        position += 2;
        if (issued is null || signed is null)
        {
            context.Result.Check(Check, CheckStatus.Failed, "A header date does not decode.");
            return new VdsHeader(version, country.TrimEnd(' '), signer, reference, signed, type, position);
        }

        context.Result.Check(Check, CheckStatus.Passed,
            $"Version {version} header of {position} bytes: issuing country {country.TrimEnd(' ')}, signer {signer}, certificate reference {reference}.");
        return new VdsHeader(version, country.TrimEnd(' '), signer, reference, signed, type, position);
    }

    private bool TryReferenceLength(string signer, string digits, int offset, out int length)
    {
        // BSI TR-03171 seals of the signer DEZV write the length in decimal (seen in tsenger/vdstools test data); the ICAO
        // rule for everyone else is hexadecimal.
        var style = signer == "DEZV" ? NumberStyles.None : NumberStyles.AllowHexSpecifier;
        if (digits.Length == 2 && int.TryParse(digits, style, CultureInfo.InvariantCulture, out length))
        {
            return true;
        }

        length = 0;
        Fatal("bad_header", offset, $"The certificate reference length must be 2 {(style == NumberStyles.None ? "decimal" : "hex")} digits.");
        return false;
    }

    private void CheckSigner(string signer, string reference)
    {
        if (!(signer.Length == 4 && char.IsAsciiLetterUpper(signer[0]) && char.IsAsciiLetterUpper(signer[1])
              && char.IsAsciiLetterOrDigit(signer[2]) && char.IsAsciiLetterOrDigit(signer[3])))
        {
            context.Result.ContentProblem("bad_signer_identifier", 4,
                "The signer identifier should be a two-letter country code and two letters or digits.");
        }

        if (reference.Length == 0 || reference.AsSpan().IndexOfAnyExcept("0123456789ABCDEF") >= 0)
        {
            context.Result.ContentProblem("certificate_reference_not_hex", 4, "The certificate reference should be hexadecimal digits.");
        }
    }

    private DateOnly? ReadDate(int offset, string name, string what)
    {
        if (VdsDate.TryDecode(context.Data.AsSpan(offset, VdsDate.Length), out var date))
        {
            context.Field("", name, offset, VdsDate.Length, "", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return date;
        }

        context.Field("", name, offset, VdsDate.Length, "", context.Hex(offset, VdsDate.Length));
        context.Result.Error("bad_date", offset, $"The {what} is not a valid MMDDYYYY date.");
        return null;
    }

    private bool TryC40(int offset, int length, string what, int expectedCharacters, out string text, int? minimumCharacters = null)
    {
        text = "";
        if (!Has(offset + length, what))
        {
            return false;
        }

        if (!C40.TryDecode(context.Data.AsSpan(offset, length), out text, out var index, out var error))
        {
            Fatal("bad_c40", offset + index, $"The {what}: {error}");
            return false;
        }

        if (text.Length > expectedCharacters || text.Length < (minimumCharacters ?? expectedCharacters))
        {
            Fatal("bad_header", offset, $"The {what} decodes to {text.Length} characters; {expectedCharacters} expected.");
            return false;
        }

        return true;
    }

    private bool Has(int end, string what)
    {
        if (end <= context.Length)
        {
            return true;
        }

        Fatal("truncated", context.Length, $"The seal ends inside the header ({what}).");
        return false;
    }

    private VdsHeader? Fatal(string code, int offset, string message)
    {
        context.Result.Check(Check, CheckStatus.Failed, message);
        context.Result.Error(code, offset, message);
        return null;
    }
}
