<?xml version="1.0" encoding="UTF-8"?>
<!-- vary.xsl: another meeting's minutes from a sample (every date moved by whole years, input sums changed, ids renamed) for the benchmark's site of 1,000 documents. -->
<!-- Only whole years move, so every date keeps its order
     against the others (29 February becomes the 28th outside leap years).
     Money inputs grow by the group number times 100; stated computed
     figures are emptied, so csdoc prints what it computes and no check
     fails.  A used document is the same group's copy of it. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1">
  <xsl:param name="group" select="0"/>
  <xsl:param name="years" select="0"/>
  <xsl:param name="prefix" select="''"/>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <xsl:template match="/s:*/@id">
    <xsl:attribute name="id"><xsl:value-of select="concat(., '-g', $group)"/></xsl:attribute>
  </xsl:template>

  <xsl:template match="s:uses/@href">
    <xsl:attribute name="href"><xsl:value-of select="concat($prefix, .)"/></xsl:attribute>
  </xsl:template>

  <!-- a date (YYYY-MM-DD) as an attribute or as the whole of an element's text -->
  <xsl:template match="@*[string-length(.) = 10 and translate(., '0123456789', '') = '--']">
    <xsl:attribute name="{name()}" namespace="{namespace-uri()}">
      <xsl:call-template name="shift"/>
    </xsl:attribute>
  </xsl:template>
  <xsl:template match="text()[string-length(.) = 10 and translate(., '0123456789', '') = '--']">
    <xsl:call-template name="shift"/>
  </xsl:template>

  <xsl:template name="shift">
    <xsl:variable name="y" select="substring(., 1, 4) + $years"/>
    <xsl:variable name="md" select="substring(., 5)"/>
    <xsl:value-of select="$y"/>
    <xsl:choose>
      <xsl:when test="$md = '-02-29' and ($y mod 4 != 0 or ($y mod 100 = 0 and $y mod 400 != 0))">-02-28</xsl:when>
      <xsl:otherwise><xsl:value-of select="$md"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:figure[@compute and not(@ref)]">
    <xsl:copy><xsl:apply-templates select="@*"/></xsl:copy>
  </xsl:template>

  <xsl:template match="s:figure[@type = 'money' and not(@compute) and not(@ref)]">
    <xsl:variable name="v" select="number(translate(., '£,', ''))"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:choose>
        <xsl:when test="string($v) = 'NaN'"><xsl:value-of select="."/></xsl:when>
        <xsl:otherwise><xsl:value-of select="format-number($v + $group * 100, '£#,##0')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
