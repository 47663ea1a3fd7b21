<?xml version="1.0" encoding="UTF-8"?>
<!-- displays.xsl: the display form of every figure a page prints (inline figures, and computed cells left empty by the author), one a line. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1" xmlns:c="urn:csdoc:compiled:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="//s:figure[@c:display] | //s:cell[@c:display and normalize-space(.) = '']">
      <xsl:value-of select="@c:display"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
