<?xml version="1.0" encoding="UTF-8"?>
<!-- blanks.xsl: a compiled tree with its attributes sorted by name, white space between elements that hold no text left out, and every other run of white space that holds a line break reduced to one line break: what csdoc fmt may change, and nothing else. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="*">
    <xsl:copy>
      <xsl:for-each select="@*">
        <xsl:sort select="name()"/>
        <xsl:copy/>
      </xsl:for-each>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="comment()|processing-instruction()|text()">
    <xsl:copy/>
  </xsl:template>
  <xsl:template match="text()[normalize-space(.) = ''][not(../text()[normalize-space(.) != ''])]" priority="2"/>
  <xsl:template match="text()[normalize-space(.) = '' and contains(., '&#10;')]">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
