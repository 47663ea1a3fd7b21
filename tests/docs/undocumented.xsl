<?xml version="1.0" encoding="UTF-8"?>
<!-- undocumented.xsl: one line for each element or attribute declaration of a schema that has no xs:documentation (tests/docs/run.sh). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:output method="text"/>

  <xsl:template match="/">
    <xsl:for-each select="//xs:element[@name] | //xs:attribute[@name]">
      <xsl:if test="normalize-space(xs:annotation/xs:documentation) = ''">
        <xsl:value-of select="local-name()"/>
        <xsl:text> '</xsl:text>
        <xsl:value-of select="@name"/>
        <xsl:text>'</xsl:text>
        <xsl:for-each select="ancestor::*[@name][1]">
          <xsl:text> in </xsl:text>
          <xsl:value-of select="local-name()"/>
          <xsl:text> '</xsl:text>
          <xsl:value-of select="@name"/>
          <xsl:text>'</xsl:text>
        </xsl:for-each>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
