using Elfs.Connector.LabelStudio;

namespace Elfs.Connector.Tests.LabelStudio;

public class LabelConfigTests
{
    [Fact]
    public void LabelsOfTheImageControlGiveK()
    {
        var config = LabelConfig.Parse("""
            <View>
              <Image name="scan" value="$url"/>
              <Image name="thumb" value="$small"/>
              <RectangleLabels name="boxes" toName="scan"><Label value="car"/><Label value="bus"/></RectangleLabels>
              <Choices name="other" toName="thumb"><Choice value="a"/><Choice value="b"/><Choice value="c"/></Choices>
            </View>
            """, 1);
        Assert.Equal(new LabelConfig("url", 2, 2), config);
    }

    [Fact]
    public void NoControlForTheImageLeavesKUnknown() =>
        Assert.Equal(new LabelConfig("image", null, 1),
            LabelConfig.Parse("""<View><Image name="i" value="$image"/><TextArea name="t" toName="i"/></View>""", 1));

    [Fact]
    public void ABrokenConfigIsAnErrorNamingTheProject()
    {
        var e = Assert.Throws<LabelingToolException>(() => LabelConfig.Parse("<View><Image", 42));
        Assert.Contains("project 42", e.Message);
        Assert.Contains("Labeling Interface", e.Message);
    }
}
