using System.Text.Json;

namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// Reads the JSON of a VDS-NC: <c>{"data": {"hdr": {"t", "v", "is"}, "msg": {…}}, "sig": {"alg", "cer", "sigvl"}}</c>.
/// Header members become fields of group <c>""</c> (<c>type</c>, <c>version</c>, <c>issuing_country</c>); message
/// members are flattened with named fields for <c>icao.test</c> and <c>icao.vacc</c> (group <c>msg</c> for top-level
/// members, else the object path such as <c>pid</c>, <c>ve_1.vd_2</c>); signature members are group <c>signature</c>.
/// </summary>
internal sealed class VdsNcReader(VdsNcContext context)
{
    private Gateway.Barcodes.Internal.ResultBuilder Result => context.Result;

    public VdsNcSeal? Read()
    {
        var root = JsonTreeReader.Read(context.Utf8, out var errorOffset, out var error);
        if (root is null)
        {
            Result.Check("vdsnc.json", CheckStatus.Failed, error);
            Result.Error(context.Utf8.Length == 0 ? "empty" : "bad_json", context.Offset(errorOffset),
                context.Utf8.Length == 0 ? "The payload is empty." : error);
            return null;
        }

        Result.Check("vdsnc.json", CheckStatus.Passed, "Well-formed JSON without duplicate member names.");
        if (root.Kind != JsonValueKind.Object)
        {
            Result.Check("vdsnc.structure", CheckStatus.Failed, "The JSON is not an object.");
            Result.Error("not_vdsnc", context.Offset(root.Start), "A VDS-NC is a JSON object with the members data and sig.");
            return null;
        }

        var data = Member(root, "data", JsonValueKind.Object, "");
        var sig = Member(root, "sig", JsonValueKind.Object, "");
        var header = data is null ? null : Member(data, "hdr", JsonValueKind.Object, "data.");
        var message = data is null ? null : Member(data, "msg", JsonValueKind.Object, "data.");
        var algorithm = sig is null ? null : Member(sig, "alg", JsonValueKind.String, "sig.");
        var certificate = sig is null ? null : Member(sig, "cer", JsonValueKind.String, "sig.");
        var signature = sig is null ? null : Member(sig, "sigvl", JsonValueKind.String, "sig.");
        var complete = data is not null && header is not null && message is not null && algorithm is not null
                       && certificate is not null && signature is not null;
        Result.Check("vdsnc.structure", complete ? CheckStatus.Passed : CheckStatus.Failed,
            complete ? "data.hdr, data.msg, sig.alg, sig.cer and sig.sigvl present." : "A required member is missing or of the wrong type.");

        var knownType = header is not null && ReadHeader(header);
        if (message is not null)
        {
            Flatten(message, "", "msg", "data.msg", knownType);
        }

        if (algorithm is not null)
        {
            context.Field("signature", "algorithm", algorithm, "sig.alg", algorithm.Text);
        }

        if (certificate is not null)
        {
            context.Field("signature", "certificate", certificate, "sig.cer", certificate.Text);
        }

        if (signature is not null)
        {
            context.Field("signature", "signature_value", signature, "sig.sigvl", signature.Text);
        }

        return complete ? new VdsNcSeal(data!, algorithm!, certificate!, signature!) : null;
    }

    /// <summary>Reads <c>t</c>, <c>v</c> and <c>is</c>; true when the type is one whose message members are named.</summary>
    private bool ReadHeader(JsonNode header)
    {
        var type = Member(header, "t", JsonValueKind.String, "data.hdr.");
        var version = Member(header, "v", JsonValueKind.Number, "data.hdr.");
        var country = Member(header, "is", JsonValueKind.String, "data.hdr.");
        if (type is not null)
        {
            context.Field("", "type", type, "data.hdr.t", type.Text);
        }

        if (version is not null)
        {
            context.Field("", "version", version, "data.hdr.v", version.Text);
        }

        if (country is not null)
        {
            context.Field("", "issuing_country", country, "data.hdr.is", country.Text);
            if (country.Text.Length != 3 || country.Text.AsSpan().IndexOfAnyExceptInRange('A', 'Z') >= 0)
            {
                Result.ContentProblem("bad_country", context.Offset(country.Start), "The issuing country (hdr.is) should be three uppercase letters.");
            }
        }

        var known = type is not null && VdsNcFieldNames.KnownTypes.Contains(type.Text);
        if (type is not null && !known)
        {
            Result.Warning("unknown_seal_type", context.Offset(type.Start),
                $"Seal type {type.Text} is not one whose message this parser names; members keep their JSON names.");
        }

        var complete = type is not null && version is not null && country is not null;
        Result.Check("vdsnc.header", complete ? CheckStatus.Passed : CheckStatus.Failed,
            complete ? $"Type {type!.Text}, version {version!.Text}, issuing country {country!.Text}." : "The header lacks t, v or is.");
        return known;
    }

    private void Flatten(JsonNode node, string path, string group, string code, bool knownType)
    {
        foreach (var (key, value) in node.Properties)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            var childGroup = group == "msg" ? key : $"{group}.{key}";
            var childCode = $"{code}.{key}";
            switch (value.Kind)
            {
                case JsonValueKind.Object:
                    Flatten(value, childPath, childGroup, childCode, knownType);
                    break;
                case JsonValueKind.Array:
                    for (var i = 0; i < value.Items.Count; i++)
                    {
                        var item = value.Items[i];
                        var itemCode = $"{childCode}[{i}]";
                        if (item.Kind == JsonValueKind.Object)
                        {
                            Flatten(item, childPath, $"{childGroup}_{i + 1}", itemCode, knownType);
                        }
                        else if (item.Kind != JsonValueKind.Array)
                        {
                            var name = $"{VdsNcFieldNames.NameOf(childPath, key, knownType)}_{i + 1}";
                            context.Field(group, name, item, itemCode, Scalar(item));
                        }
                    }

                    break;
                default:
                    context.Field(group, VdsNcFieldNames.NameOf(childPath, key, knownType), value, childCode, Scalar(value));
                    break;
            }
        }
    }

    private static string Scalar(JsonNode node) => node.Kind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "",
        _ => node.Text,
    };

    private JsonNode? Member(JsonNode parent, string name, JsonValueKind kind, string path)
    {
        if (parent.Kind != JsonValueKind.Object)
        {
            return null;
        }

        var member = parent.Get(name);
        if (member is null)
        {
            Result.Error("missing_member", context.Offset(parent.Start), $"The member {path}{name} is missing.");
            return null;
        }

        if (member.Kind != kind)
        {
            Result.Error("wrong_member_type", context.Offset(member.Start), $"The member {path}{name} must be a JSON {kind.ToString().ToLowerInvariant()}.");
            return null;
        }

        return member;
    }
}
