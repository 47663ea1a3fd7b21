<?xml version="1.0" encoding="UTF-8"?>
<!-- actions.xsl: one partnership's action tracker — open actions from all its minutes by owner, with meeting, due date and age; closed ones apart. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

  <xsl:key name="open-by-owner" match="doc/action[@status != 'closed']" use="concat(../@slug, '|', @owner)"/>

  <xsl:template match="/manifest">
    <xsl:variable name="mine" select="doc[@slug = $partnership]"/>
    <xsl:variable name="open" select="$mine/action[@status != 'closed']"/>
    <xsl:variable name="closed" select="$mine/action[@status = 'closed']"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title">
        <xsl:text>Actions – </xsl:text>
        <xsl:value-of select="$mine[1]/@body"/>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1>
          <xsl:text>Actions of </xsl:text>
          <xsl:value-of select="$mine[1]/@body"/>
        </h1>
        <p>
          <xsl:value-of select="count($open)"/>
          <xsl:text> open, </xsl:text>
          <xsl:value-of select="count($closed)"/>
          <xsl:text> closed, from </xsl:text>
          <xsl:value-of select="count($mine[@kind = 'minutes'])"/>
          <xsl:choose>
            <xsl:when test="count($mine[@kind = 'minutes']) = 1"> set of minutes.</xsl:when>
            <xsl:otherwise> sets of minutes.</xsl:otherwise>
          </xsl:choose>
          <xsl:text> Age is days since the meeting, on </xsl:text>
          <xsl:call-template name="date-words">
            <xsl:with-param name="iso" select="/manifest/@built"/>
          </xsl:call-template>
          <xsl:text>. </xsl:text>
          <a href="index.html">All documents of <xsl:value-of select="$mine[1]/@body"/></a>
          <xsl:text>.</xsl:text>
        </p>
        <h2>Open actions by owner</h2>
        <xsl:if test="not($open)"><p>None.</p></xsl:if>
        <xsl:for-each select="$open[generate-id() = generate-id(key('open-by-owner', concat(../@slug, '|', @owner))[1])]">
          <xsl:sort select="@owner"/>
          <xsl:variable name="owner" select="@owner"/>
          <h3><xsl:value-of select="$owner"/></h3>
          <xsl:call-template name="table">
            <xsl:with-param name="actions" select="key('open-by-owner', concat(../@slug, '|', $owner))"/>
            <xsl:with-param name="caption" select="concat('Open actions of ', $owner, ', oldest first')"/>
          </xsl:call-template>
        </xsl:for-each>
        <h2>Closed actions</h2>
        <xsl:choose>
          <xsl:when test="$closed">
            <xsl:call-template name="table">
              <xsl:with-param name="actions" select="$closed"/>
              <xsl:with-param name="caption" select="'Closed actions, oldest first'"/>
              <xsl:with-param name="with-owner" select="true()"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><p>None.</p></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="table">
    <xsl:param name="actions"/>
    <xsl:param name="caption"/>
    <xsl:param name="with-owner" select="false()"/>
    <!-- a region of its own that scrolls sideways on a narrow screen, reachable by keyboard -->
    <div class="table-wrap" role="region" tabindex="0" aria-label="{$caption}">
    <table class="actions">
      <caption class="visually-hidden"><xsl:value-of select="$caption"/></caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <xsl:if test="$with-owner"><th scope="col">Owner</th></xsl:if>
          <th scope="col">Meeting</th>
          <th scope="col">Minute</th>
          <th scope="col">Due</th>
          <th scope="col" class="num">Age (days)</th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="$actions">
          <xsl:sort select="@meeting"/>
          <tr>
            <th scope="row"><xsl:value-of select="."/></th>
            <xsl:if test="$with-owner"><td><xsl:value-of select="@owner"/></td></xsl:if>
            <td>
              <a href="{substring-after(../@href, concat(../@slug, '/'))}.html">
                <xsl:call-template name="date-words">
                  <xsl:with-param name="iso" select="@meeting"/>
                </xsl:call-template>
              </a>
            </td>
            <td><xsl:value-of select="@minute"/></td>
            <td>
              <xsl:call-template name="date-words">
                <xsl:with-param name="iso" select="@due"/>
              </xsl:call-template>
            </td>
            <td class="num"><xsl:value-of select="@age"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    </div>
  </xsl:template>

</xsl:stylesheet>
