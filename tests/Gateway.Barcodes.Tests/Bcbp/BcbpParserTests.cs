using System.Text;
using Gateway.Barcodes.Bcbp;

namespace Gateway.Barcodes.Tests.Bcbp;

public sealed class BcbpParserTests
{
    [Fact]
    public void Parse_IataExample_ReadsMandatoryItems()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryOnly);

        Assert.True(result.Valid);
        Assert.Equal(PayloadTypes.Bcbp, result.PayloadType);
        Assert.Equal(ParseMode.Lenient, result.Mode);
        Assert.Empty(result.Issues);
        Assert.Empty(result.Tolerances);
        Assert.Equal("M", result.GetValue("format_code"));
        Assert.Equal("1", result.GetValue("number_of_legs"));
        Assert.Equal("DESMARAIS/LUC", result.GetValue("passenger_name"));
        Assert.Equal("E", result.GetValue("electronic_ticket_indicator"));
        Assert.Equal("ABC123", result.GetValue("pnr", "leg_1"));
        Assert.Equal("YUL", result.GetValue("from_airport", "leg_1"));
        Assert.Equal("FRA", result.GetValue("to_airport", "leg_1"));
        Assert.Equal("AC", result.GetValue("operating_carrier", "leg_1"));
        Assert.Equal("0834", result.GetValue("flight_number", "leg_1"));
        Assert.Equal("326", result.GetValue("date_of_flight", "leg_1"));
        Assert.Equal("J", result.GetValue("compartment", "leg_1"));
        Assert.Equal("001A", result.GetValue("seat", "leg_1"));
        Assert.Equal("0025", result.GetValue("check_in_sequence", "leg_1"));
        Assert.Equal("1", result.GetValue("passenger_status", "leg_1"));
    }

    [Fact]
    public void Parse_IataExample_KeepsRawPaddingAndOffsets()
    {
        var name = BcbpParser.Parse(BcbpVectors.MandatoryOnly).GetField("passenger_name")!.Value;

        Assert.Equal("DESMARAIS/LUC       ", name.Raw);
        Assert.Equal(2, name.Offset);
        Assert.Equal("11", name.Code);
        Assert.Equal("passenger_name", name.Key);
    }

    [Fact]
    public void Parse_IataExample_ListsFieldsInPayloadOrder()
    {
        var keys = BcbpParser.Parse(BcbpVectors.MandatoryOnly).Fields.Select(f => f.Key);

        Assert.Equal(
            ["format_code", "number_of_legs", "passenger_name", "electronic_ticket_indicator", "leg_1.pnr", "leg_1.from_airport",
             "leg_1.to_airport", "leg_1.operating_carrier", "leg_1.flight_number", "leg_1.date_of_flight", "leg_1.compartment",
             "leg_1.seat", "leg_1.check_in_sequence", "leg_1.passenger_status"],
            keys);
    }

    [Fact]
    public void Parse_IataExampleWithSecurity_ReadsSecuritySection()
    {
        var result = BcbpParser.Parse(BcbpVectors.MandatoryWithSecurity, ParseMode.Strict);

        Assert.True(result.Valid);
        Assert.Equal("1", result.GetValue("security_data_type"));
        Assert.Equal(BcbpVectors.SecurityData, result.GetValue("security_data"));
        Assert.Equal(CheckStatus.Passed, result.GetCheck("security_size")!.Value.Status);
    }

    [Fact]
    public void Parse_FullSingleLegVersion5_ReadsEveryConditionalItem()
    {
        var result = BcbpParser.Parse(BcbpVectors.FullSingleLegV5, ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("5", result.GetValue("version_number"));
        Assert.Equal("1", result.GetValue("passenger_description"));
        Assert.Equal("W", result.GetValue("source_of_check_in"));
        Assert.Equal("W", result.GetValue("source_of_boarding_pass_issuance"));
        Assert.Equal("1325", result.GetValue("date_of_issue"));
        Assert.Equal("B", result.GetValue("document_type"));
        Assert.Equal("AC", result.GetValue("boarding_pass_issuer"));
        Assert.Equal("0014123456002", result.GetValue("baggage_tag_number"));
        Assert.Equal("0014123467001", result.GetValue("first_non_consecutive_baggage_tag"));
        Assert.Equal("0014123478901", result.GetValue("second_non_consecutive_baggage_tag"));
        Assert.Equal("014", result.GetValue("airline_numeric_code", "leg_1"));
        Assert.Equal("1234567890", result.GetValue("document_serial_number", "leg_1"));
        Assert.Equal("", result.GetValue("selectee_indicator", "leg_1"));
        Assert.Equal("1", result.GetValue("international_document_verification", "leg_1"));
        Assert.Equal("AC", result.GetValue("marketing_carrier", "leg_1"));
        Assert.Equal("AC", result.GetValue("frequent_flyer_airline", "leg_1"));
        Assert.Equal("1234567890123", result.GetValue("frequent_flyer_number", "leg_1"));
        Assert.Equal("4PC", result.GetValue("free_baggage_allowance", "leg_1"));
        Assert.Equal("Y", result.GetValue("fast_track", "leg_1"));
        Assert.Equal("LX58Z", result.GetValue("airline_individual_use", "leg_1"));
        Assert.Equal("ABCDEFGH", result.GetValue("security_data"));
    }

    [Fact]
    public void Parse_TwoLegsVersion6_ReadsBothLegs()
    {
        var result = BcbpParser.Parse(BcbpVectors.TwoLegsV6, ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("2", result.GetValue("number_of_legs"));
        Assert.Equal("YUL", result.GetValue("from_airport", "leg_1"));
        Assert.Equal("20K", result.GetValue("free_baggage_allowance", "leg_1"));
        Assert.Equal("LX58Z", result.GetValue("airline_individual_use", "leg_1"));
        Assert.Equal("DEF456", result.GetValue("pnr", "leg_2"));
        Assert.Equal("FRA", result.GetValue("from_airport", "leg_2"));
        Assert.Equal("GVA", result.GetValue("to_airport", "leg_2"));
        Assert.Equal("LH", result.GetValue("operating_carrier", "leg_2"));
        Assert.Equal("3664", result.GetValue("flight_number", "leg_2"));
        Assert.Equal("012C", result.GetValue("seat", "leg_2"));
        Assert.Equal("0987654321", result.GetValue("document_serial_number", "leg_2"));
        Assert.Equal("N", result.GetValue("fast_track", "leg_2"));
        Assert.Equal("WQ", result.GetValue("airline_individual_use", "leg_2"));
        Assert.Equal(BcbpVectors.SecurityData, result.GetValue("security_data"));
    }

    [Theory]
    [InlineData(BcbpVectors.LufthansaV2, "2", "*30600000K09")]
    [InlineData(BcbpVectors.UnitedV3, "3", "*30600    09  UAG")]
    public void Parse_AirlineExamplesWithoutFastTrack_KeepIndividualUse(string payload, string version, string individualUse)
    {
        var result = BcbpParser.Parse(payload, ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal(version, result.GetValue("version_number"));
        Assert.Null(result.GetField("fast_track", "leg_1"));
        Assert.Equal(individualUse, result.GetValue("airline_individual_use", "leg_1"));
    }

    [Fact]
    public void Parse_KlmExample_StopsRepeatedSectionAfterSerialNumber()
    {
        var result = BcbpParser.Parse(BcbpVectors.KlmV5, ParseMode.Strict);

        Assert.True(result.Valid, string.Join("; ", result.Issues));
        Assert.Equal("W", result.GetValue("source_of_boarding_pass_issuance"));
        Assert.Null(result.GetField("date_of_issue"));
        Assert.Equal("074", result.GetValue("airline_numeric_code", "leg_1"));
        Assert.Equal("2497067621", result.GetValue("document_serial_number", "leg_1"));
        Assert.Null(result.GetField("selectee_indicator", "leg_1"));
    }

    [Fact]
    public void Parse_Bytes_MatchesText()
    {
        var fromBytes = BcbpParser.Parse(Encoding.ASCII.GetBytes(BcbpVectors.TwoLegsV6));
        var fromText = BcbpParser.Parse(BcbpVectors.TwoLegsV6);

        Assert.Equal(fromText.Fields, fromBytes.Fields);
        Assert.True(fromBytes.Valid);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => BcbpParser.Parse((string)null!));
    }
}
