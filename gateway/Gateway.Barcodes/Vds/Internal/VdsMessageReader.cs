using System.Globalization;
using System.Text;

namespace Gateway.Barcodes.Vds.Internal;

/// <summary>
/// Reads the message zone — features as tag, DER length, value — up to the signature zone (tag 0xFF, DER length, r‖s),
/// decoding the features of known document types and keeping every other feature as hex. A length that does not decode
/// or points past the end stops reading, since nothing after it can be placed.
/// </summary>
internal sealed class VdsMessageReader(VdsContext context, VdsHeader header, DateOnly referenceDate)
{
    public const string Group = "message";
    public const byte SignatureTag = 0xFF;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private Gateway.Barcodes.Internal.ResultBuilder Result => context.Result;

    /// <summary>Reads the features and finds the signature zone; null when the seal has none that can be placed.</summary>
    public SignatureZone? Read()
    {
        var type = VdsDocumentTypes.Find(header.DocumentType);
        if (type is null)
        {
            Result.Warning("unknown_document_type", header.Length - 2,
                $"Document type 0x{header.DocumentType:X4} is not one this parser knows; its features are kept as hex.");
        }

        var data = context.Data;
        var position = header.Length;
        var seen = new HashSet<byte>();
        while (position < data.Length && data[position] != SignatureTag)
        {
            var tag = data[position];
            if (!TryValue(position, $"Feature 0x{tag:X2}", out var start, out var length))
            {
                Result.Check("vds.message", CheckStatus.Failed, "A feature length does not decode or points past the end.");
                return null;
            }

            if (!seen.Add(tag))
            {
                Result.ContentProblem("duplicate_feature", position, $"Feature 0x{tag:X2} appears more than once.");
            }

            ReadFeature(type?.Feature(tag), tag, start, length);
            position = start + length;
        }

        CheckMessage(type, seen);
        return ReadSignatureZone(position);
    }

    private void CheckMessage(VdsDocumentType? type, HashSet<byte> seen)
    {
        var missing = type?.Features.Where(f => f.Required && !seen.Contains(f.Tag)).Select(f => f.Name).ToList() ?? [];
        if (missing.Count > 0)
        {
            Result.ContentProblem("missing_feature", header.Length, $"The {type!.Name} profile requires {string.Join(", ", missing)}.");
        }

        if (seen.Count == 0)
        {
            Result.ContentProblem("empty_message_zone", header.Length, "The message zone holds no feature.");
        }

        var passed = missing.Count == 0 && seen.Count > 0;
        Result.Check("vds.message", passed ? CheckStatus.Passed : CheckStatus.Failed,
            $"{seen.Count} feature(s) for document type {type?.Name ?? "unknown"}" + (passed ? "." : $"; missing {string.Join(", ", missing)}."));
    }

    private SignatureZone? ReadSignatureZone(int position)
    {
        var data = context.Data;
        if (position >= data.Length)
        {
            Result.Check("vds.signature_zone", CheckStatus.Failed, "No signature zone.");
            Result.Error("missing_signature", data.Length, "The seal ends without a signature zone (tag 0xFF).");
            return null;
        }

        if (!TryValue(position, "The signature zone", out var start, out var length))
        {
            Result.Check("vds.signature_zone", CheckStatus.Failed, "The signature zone length does not decode or points past the end.");
            return null;
        }

        context.Field("signature", "signature_value", start, length, "FF", context.Hex(start, length));
        if (length == 0)
        {
            Result.Check("vds.signature_zone", CheckStatus.Failed, "The signature zone is empty.");
            Result.Error("empty_signature", position, "The signature zone holds no signature.");
            return null;
        }

        var end = start + length;
        if (end < data.Length)
        {
            Result.Check("vds.signature_zone", CheckStatus.Failed, $"{data.Length - end} byte(s) follow the signature zone.");
            Result.Error("data_after_signature", end, $"{data.Length - end} byte(s) follow the signature zone; a seal ends with it.");
        }
        else
        {
            Result.Check("vds.signature_zone", CheckStatus.Passed, $"Signature zone of {length} bytes at the end of the seal.");
        }

        return new SignatureZone(position, start, length);
    }

    /// <summary>Reads the DER length after the tag at <paramref name="tagOffset"/> and checks the value fits.</summary>
    private bool TryValue(int tagOffset, string what, out int start, out int length)
    {
        start = 0;
        if (!DerLength.TryRead(context.Data, tagOffset + 1, out length, out var size, out var error))
        {
            Result.Error(tagOffset + 1 >= context.Length ? "truncated" : "bad_length", Math.Min(tagOffset + 1, context.Length), $"{what}: {error}");
            return false;
        }

        start = tagOffset + 1 + size;
        var remaining = context.Length - start;
        if (length > remaining)
        {
            Result.Error("length_past_end", tagOffset + 1, $"{what} declares {length} bytes; only {remaining} remain.");
            return false;
        }

        return true;
    }

    private void ReadFeature(VdsFeature? feature, byte tag, int start, int length)
    {
        var code = $"{tag:X2}";
        if (feature is null)
        {
            context.Field(Group, $"feature_{tag:x2}", start, length, code, context.Hex(start, length));
            return;
        }

        if (length < feature.MinBytes || length > feature.MaxBytes)
        {
            var allowed = feature.MinBytes == feature.MaxBytes ? $"{feature.MinBytes}" : $"{feature.MinBytes} to {feature.MaxBytes}";
            Result.ContentProblem("feature_length", start, $"Feature {feature.Name} (0x{code}) has {length} bytes; the profile allows {allowed}.");
        }

        if (feature.Coding is FeatureCoding.Mrz or FeatureCoding.MrvA or FeatureCoding.MrvB)
        {
            ReadMrz(feature, start, length);
            return;
        }

        var bytes = context.Data.AsSpan(start, length);
        var value = feature.Coding switch
        {
            FeatureCoding.C40 => TryC40(feature, start, length, out var text) ? text.Trim(' ') : context.Hex(start, length),
            FeatureCoding.Utf8 => ReadUtf8(feature, start, length),
            FeatureCoding.Number when length == 1 => bytes[0].ToString(CultureInfo.InvariantCulture),

            // Days, months, years (Doc 9303 Part 13 visa profile), as an ISO 8601 duration.
            FeatureCoding.DurationOfStay when length == 3 => $"P{bytes[2]}Y{bytes[1]}M{bytes[0]}D",
            _ => context.Hex(start, length),
        };
        context.Field(Group, feature.Name, start, length, code, value);
    }

    /// <summary>Adds the MRZ feature field, then (when its length fits a layout) the MRZ engine's fields and checks after it.</summary>
    private void ReadMrz(VdsFeature feature, int start, int length)
    {
        var code = $"{feature.Tag:X2}";
        if (!TryC40(feature, start, length, out var text))
        {
            context.Field(Group, feature.Name, start, length, code, context.Hex(start, length));
            return;
        }

        var lines = SealMrz.Lines(text, feature.Coding, out var layout);
        context.Field(Group, feature.Name, start, length, code, SealMrz.Stored(text, feature.Coding, lines));
        if (lines is null)
        {
            Result.ContentProblem("mrz_length", start, $"Feature {feature.Name} holds {text.Length} MRZ characters, which fit no MRZ layout ({layout}).");
            return;
        }

        SealMrz.Read(Result, lines, layout, start, referenceDate);
    }

    private bool TryC40(VdsFeature feature, int start, int length, out string text)
    {
        if (C40.TryDecode(context.Data.AsSpan(start, length), out text, out var index, out var error))
        {
            return true;
        }

        Result.Error("bad_c40", start + index, $"Feature {feature.Name}: {error}");
        return false;
    }

    private string ReadUtf8(VdsFeature feature, int start, int length)
    {
        try
        {
            return StrictUtf8.GetString(context.Data, start, length);
        }
        catch (DecoderFallbackException e)
        {
            Result.ContentProblem("bad_utf8", start + Math.Max(e.Index, 0), $"Feature {feature.Name} is not valid UTF-8; undecodable bytes replaced.");
            return Encoding.UTF8.GetString(context.Data, start, length);
        }
    }
}
