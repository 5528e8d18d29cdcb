using System.Xml;
using System.Xml.Linq;

namespace Elfs.Connector.LabelStudio;

/// <summary>What the connector needs from a project's label config XML: the image's data key and the class count.</summary>
/// <param name="ImageKey">The <c>task.data</c> key of the first <c>&lt;Image value="$key"&gt;</c>, or null when none.</param>
/// <param name="ClassCount">The number of <c>&lt;Choice&gt;</c>/<c>&lt;Label&gt;</c> values of the control naming that image, or null.</param>
/// <param name="ImageTagCount">How many image tags the config has (more than one is worth a warning).</param>
internal sealed record LabelConfig(string? ImageKey, int? ClassCount, int ImageTagCount)
{
    /// <summary>Reads a label config; throws <see cref="LabelingToolException"/> naming the project when it is not XML.</summary>
    public static LabelConfig Parse(string? xml, int projectId)
    {
        if (string.IsNullOrWhiteSpace(xml)) return new LabelConfig(null, null, 0);
        XDocument document;
        try { document = XDocument.Parse(xml); }
        catch (XmlException e)
        {
            throw new LabelingToolException($"project {projectId}: the label config is not valid XML ({e.Message}); fix it in Settings > Labeling Interface", e);
        }
        var images = document.Descendants().Where(e => e.Name.LocalName == "Image").ToList();
        var image = images.FirstOrDefault(i => ((string?)i.Attribute("value"))?.StartsWith('$') == true);
        var key = ((string?)image?.Attribute("value"))?[1..];
        var name = (string?)image?.Attribute("name");
        var control = document.Descendants()
            .Where(e => e.Name.LocalName is "Choices" or "Labels" or "RectangleLabels" or "PolygonLabels" or "BrushLabels")
            .FirstOrDefault(c => name is not null && ((string?)c.Attribute("toName"))?.Split(',').Contains(name) == true);
        int? classes = control?.Elements().Count(e => e.Name.LocalName is "Choice" or "Label");
        return new LabelConfig(key, classes is > 0 ? classes : null, images.Count);
    }
}
