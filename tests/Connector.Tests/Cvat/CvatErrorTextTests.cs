using System.Net;
using Elfs.Connector.Cvat.Api;

namespace Elfs.Connector.Tests.Cvat;

public sealed class CvatErrorTextTests
{
    private static string ExampleOf(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cvat", "Contract", "examples", name));

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "error_400_field_validation.json", "HTTP 400 BadRequest: image_quality: This field is required.")]
    [InlineData(HttpStatusCode.BadRequest, "error_400_non_field_list.json", "HTTP 400 BadRequest: Task must have only one of Label set or project_id")]
    [InlineData(HttpStatusCode.Unauthorized, "error_401_invalid_token.json", "HTTP 401 Unauthorized: Invalid token.")]
    [InlineData(HttpStatusCode.NotFound, "error_404_not_found.json", "HTTP 404 NotFound: No Task matches the given query.")]
    public void Example_error_bodies_read_as_one_line(HttpStatusCode status, string example, string expected) =>
        Assert.Equal(expected, CvatErrorText.Describe(status, ExampleOf(example)));

    [Theory]
    [InlineData("\"Adding more data is not supported\"", "HTTP 400 BadRequest: Adding more data is not supported")]
    [InlineData("Unverified email", "HTTP 400 BadRequest: Unverified email")]
    [InlineData("{\"name\":[\"a\",\"b\"],\"non_field_errors\":[\"c\"]}", "HTTP 400 BadRequest: name: a; b; c")]
    [InlineData("<html><body><h1>Bad\n  Request</h1></body></html>", "HTTP 400 BadRequest: Bad Request")]
    [InlineData("", "HTTP 400 BadRequest")]
    public void Every_body_shape_reads_as_one_line(string body, string expected) =>
        Assert.Equal(expected, CvatErrorText.Describe(HttpStatusCode.BadRequest, body));
}
