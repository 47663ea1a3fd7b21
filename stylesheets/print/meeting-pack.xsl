<?xml version="1.0" encoding="UTF-8"?>
<!-- meeting-pack.xsl: maps a compiled meeting pack's cover, agenda and matters arising to the print vocabulary; csdoc joins each paper's own print tree after them. -->
<!--
  Masters: "cover" (no running header or footer) and "page" (the board and
  the meeting's date above, "Page N of M" below: page numbers run through
  the whole pack).  Flows: the cover; the agenda as a table, each attached
  paper with a link to its first page and that page's number (page-ref to
  the paper's c:target, the id csdoc gives the heading that opens the
  paper); then the matters arising view, if the agenda has one.  The
  papers' own page masters are renamed and given the pack's running header
  by csdoc (packprint.c), so nothing here depends on a paper's kind.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:csdoc:print:1"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:meeting-pack s:agenda s:agenda-item s:registry s:matters-arising"/>

  <xsl:variable name="draft" select="/s:meeting-pack/@c:status = 'draft'"/>
  <xsl:variable name="accent" select="'#1f4e79'"/>
  <xsl:variable name="label-shade" select="'#dfe7ef'"/>

  <xsl:template match="/s:meeting-pack">
    <document title="{@c:title}" subject="Meeting pack" author="{@c:body}" date="{@date}" lang="en-GB">
      <xsl:if test="$draft">
        <xsl:attribute name="watermark">DRAFT</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="page-master">
        <xsl:with-param name="name" select="'cover'"/>
        <xsl:with-param name="running" select="'no'"/>
      </xsl:call-template>
      <xsl:call-template name="page-master">
        <xsl:with-param name="header-left"><xsl:value-of select="@c:body"/></xsl:with-param>
        <xsl:with-param name="header-right"><xsl:value-of select="@c:date-display"/></xsl:with-param>
        <xsl:with-param name="footer-left">
          <xsl:if test="$draft">DRAFT</xsl:if>
        </xsl:with-param>
        <xsl:with-param name="footer-right">
          <xsl:text>Page </xsl:text>
          <page-number/>
          <xsl:text> of </xsl:text>
          <page-count/>
        </xsl:with-param>
      </xsl:call-template>
      <flow master="cover">
        <para size="12" space-before="150" align="center" colour="{$accent}" bold="yes">MEETING PACK</para>
        <heading level="1" size="24" align="center" space-before="12" space-after="18" toc="no">
          <xsl:value-of select="@c:body"/>
        </heading>
        <para size="14" align="center" space-after="4">
          <xsl:value-of select="@c:date-display"/>
          <xsl:if test="@c:time-display">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@c:time-display"/>
          </xsl:if>
        </para>
        <xsl:if test="@venue">
          <para size="12" align="center" space-after="36"><xsl:value-of select="@venue"/></para>
        </xsl:if>
        <para size="11" align="center">
          <xsl:text>The agenda (page </xsl:text>
          <page-ref ref="agenda"/>
          <xsl:text>) and </xsl:text>
          <xsl:value-of select="count(s:agenda/s:agenda-item/s:paper[@c:target])"/>
          <xsl:text> papers.</xsl:text>
        </para>
      </flow>
      <flow master="page">
        <heading level="1" size="18" space-after="4" id="agenda">
          <xsl:text>Agenda</xsl:text>
        </heading>
        <para space-after="12">
          <xsl:value-of select="@c:body"/>
          <xsl:text>, </xsl:text>
          <xsl:value-of select="@c:date-display"/>
          <xsl:if test="@c:time-display">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@c:time-display"/>
          </xsl:if>
          <xsl:if test="@venue">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@venue"/>
          </xsl:if>
        </para>
        <table borders="rows" widths="8 50 18 24" summary="The agenda: each item's number, title and presenter, and the page of each paper attached to it.">
          <row header="yes" shade="{$accent}" bold="yes">
            <cell><para colour="#ffffff">No.</para></cell>
            <cell><para colour="#ffffff">Item</para></cell>
            <cell><para colour="#ffffff">Presenter</para></cell>
            <cell><para colour="#ffffff">Papers</para></cell>
          </row>
          <xsl:apply-templates select="s:agenda/*"/>
        </table>
        <para size="9" space-before="10" italic="yes">Each attached paper is listed with the page it starts on; in the PDF the entry is a link to it.</para>
      </flow>
      <xsl:apply-templates select="s:agenda/s:agenda-item/s:matters-arising[c:action]"/>
    </document>
  </xsl:template>

  <xsl:template match="s:agenda-heading">
    <row keep-with-next="yes" shade="{$label-shade}" bold="yes">
      <cell colspan="4"><para><xsl:apply-templates/></para></cell>
    </row>
  </xsl:template>

  <xsl:template match="s:agenda-item">
    <row>
      <cell><para bold="yes"><xsl:value-of select="@c:number"/></para></cell>
      <cell>
        <para bold="yes"><xsl:apply-templates select="s:title/node()"/></para>
        <xsl:for-each select="s:point">
          <para indent="10"><xsl:text>• </xsl:text><xsl:apply-templates/></para>
        </xsl:for-each>
        <xsl:if test="@information = 'yes'">
          <para italic="yes" size="9">For information</para>
        </xsl:if>
        <xsl:for-each select="s:next-meeting">
          <para>
            <xsl:value-of select="@c:date-display"/>
            <xsl:if test="@c:time-display">
              <xsl:text>, </xsl:text>
              <xsl:value-of select="@c:time-display"/>
            </xsl:if>
            <xsl:if test="@venue">
              <xsl:text>, </xsl:text>
              <xsl:value-of select="@venue"/>
            </xsl:if>
            <xsl:if test="node()">
              <xsl:text> </xsl:text>
              <xsl:apply-templates/>
            </xsl:if>
          </para>
        </xsl:for-each>
      </cell>
      <cell><para><xsl:value-of select="@c:presenter-names"/></para></cell>
      <cell>
        <xsl:for-each select="s:paper[@c:target]">
          <para>
            <link href="#{@c:target}">
              <xsl:if test="count(../s:paper) &gt; 1 or normalize-space(.) != ''">
                <xsl:value-of select="@c:label"/>
                <xsl:text>, </xsl:text>
              </xsl:if>
              <xsl:text>page </xsl:text>
              <page-ref ref="{@c:target}"/>
            </link>
          </para>
        </xsl:for-each>
        <xsl:for-each select="s:matters-arising[c:action]">
          <para>
            <link href="#matters-arising">
              <xsl:text>Actions, page </xsl:text>
              <page-ref ref="matters-arising"/>
            </link>
          </para>
        </xsl:for-each>
      </cell>
    </row>
  </xsl:template>

  <!-- Matters arising: the last minutes' actions and what has happened to each. -->
  <xsl:template match="s:matters-arising">
    <flow master="page">
      <heading level="1" size="15" space-after="4" id="matters-arising">
        <xsl:text>Item </xsl:text>
        <xsl:value-of select="../@c:number"/>
        <xsl:text>: </xsl:text>
        <xsl:apply-templates select="../s:title/node()"/>
      </heading>
      <para space-after="8">
        <xsl:text>Actions from the minutes of </xsl:text>
        <xsl:value-of select="@c:from"/>
        <xsl:text>, with their owners and status.</xsl:text>
      </para>
      <table borders="grid" widths="11 45 22 22" summary="Each action of the last minutes: its minute, what was to be done, who owns it, and its status.">
        <row header="yes" shade="{$accent}" bold="yes">
          <cell><para colour="#ffffff">Minute</para></cell>
          <cell><para colour="#ffffff">Action</para></cell>
          <cell><para colour="#ffffff">Owner</para></cell>
          <cell><para colour="#ffffff">Status</para></cell>
        </row>
        <xsl:for-each select="c:action">
          <row>
            <cell><para><xsl:value-of select="@minute"/></para></cell>
            <cell><para><xsl:apply-templates/></para></cell>
            <cell><para><xsl:value-of select="@owner"/></para></cell>
            <cell>
              <xsl:variable name="u" select="../s:update[@action = current()/@minute]"/>
              <para>
                <xsl:choose>
                  <xsl:when test="@update = 'closed'">Closed</xsl:when>
                  <xsl:when test="@update = 'carried'">Carried forward</xsl:when>
                  <xsl:when test="@status = 'closed'">Closed</xsl:when>
                  <xsl:when test="@status = 'ongoing'">Ongoing</xsl:when>
                  <xsl:otherwise>Open: no update</xsl:otherwise>
                </xsl:choose>
                <xsl:if test="@due">
                  <xsl:text> (due </xsl:text>
                  <xsl:value-of select="@due"/>
                  <xsl:text>)</xsl:text>
                </xsl:if>
              </para>
              <xsl:if test="$u/node()">
                <para size="9"><xsl:apply-templates select="$u/node()"/></para>
              </xsl:if>
            </cell>
          </row>
        </xsl:for-each>
      </table>
    </flow>
  </xsl:template>

</xsl:stylesheet>
