namespace Conformance.Tests;

[TestFixture]
public sealed class SmokeTests
{
    [Test]
    public void Runs() => Assert.That(1, Is.EqualTo(1));

    [FsCheck.NUnit.Property]
    public bool Addition_commutes(int a, int b) => a + b == b + a;
}
